namespace WidgetPlatform.Contracts;

/// <summary>A transformation pipeline wrote a new version of the listed transformed datasets.</summary>
public sealed record PipelineCompleted
{
    public required string StudyId { get; init; }

    public required string ScriptName { get; init; }

    public required string TransformedVersion { get; init; }

    public required IReadOnlyList<string> Datasets { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
