namespace WidgetPlatform.Contracts;

/// <summary>The warmer finished a study; gateways tell open dashboards there is fresh data.</summary>
public sealed record StudyCacheWarmed
{
    public required string StudyId { get; init; }

    public required int WidgetsWarmed { get; init; }

    public required int EntriesWarmed { get; init; }

    public required long DurationMs { get; init; }

    public required DateTimeOffset WarmedAt { get; init; }
}
