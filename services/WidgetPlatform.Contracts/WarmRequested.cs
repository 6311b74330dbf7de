namespace WidgetPlatform.Contracts;

/// <summary>Asks the warmer to recompute a study's (or every study's) active and priority entries.</summary>
public sealed record WarmRequested
{
    public string? StudyId { get; init; }

    public IReadOnlyList<string>? WidgetIds { get; init; }

    /// <summary>Recompute even entries that are present and current.</summary>
    public bool Force { get; init; }
}
