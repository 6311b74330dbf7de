namespace WidgetPlatform.Contracts;

/// <summary>A widget definition was created, replaced or deleted; its new revision changes its cache keys.</summary>
public sealed record WidgetConfigurationChanged
{
    public required string StudyId { get; init; }

    public required string WidgetId { get; init; }

    public required int Revision { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }
}
