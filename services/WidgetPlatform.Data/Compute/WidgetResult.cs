using System.Text.Json.Serialization;

namespace WidgetPlatform.Data.Compute;

/// <summary>The <c>data</c> of a widget response; serialise with <see cref="Widgets.WidgetJson.Options"/> to get docs/design.md §4's shapes.</summary>
[JsonDerivedType(typeof(MetricResult))]
[JsonDerivedType(typeof(BreakdownResult))]
[JsonDerivedType(typeof(TimeseriesResult))]
[JsonDerivedType(typeof(TableResult))]
public abstract record WidgetResult;
