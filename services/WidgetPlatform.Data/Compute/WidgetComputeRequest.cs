using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>One widget view a pass computes: the definition and the request's range and filters.</summary>
public sealed record WidgetComputeRequest(WidgetDefinition Definition, WidgetQuery Query);
