namespace WidgetPlatform.Data.Compute;

/// <summary>A request the widget cannot answer as asked (unknown column, bad filter value, range without a time column): a 400.</summary>
public sealed class WidgetQueryException(string message) : Exception(message);
