using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>One widget + query to keep warm, whatever the data version.</summary>
public sealed record WarmTarget(string WidgetId, WidgetQuery Query);
