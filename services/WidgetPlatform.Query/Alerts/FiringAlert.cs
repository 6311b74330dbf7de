namespace WidgetPlatform.Query.Alerts;

/// <summary>An alert whose condition holds: its stable name, what it says, the measured value against its threshold, and since when.</summary>
public sealed record FiringAlert(string Name, string Message, double Value, double Threshold, DateTimeOffset Since);
