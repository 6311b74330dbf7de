using System.Text.Json.Serialization;

namespace WidgetPlatform.Data.Compute;

public sealed record MetricResult(
    AggregateValue Value,
    AggregateValue PreviousValue,
    AggregateValue Change,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ChangePercent) : WidgetResult;
