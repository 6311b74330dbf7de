using System.Text.Json.Serialization;

namespace WidgetPlatform.Data.Compute;

/// <summary>One group: its key (string, integer, boolean, date, or null for rows whose dimension is null) and measure.</summary>
public sealed record ResultBucket(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? Key,
    AggregateValue Value);
