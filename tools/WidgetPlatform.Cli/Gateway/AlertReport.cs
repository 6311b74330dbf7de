namespace WidgetPlatform.Cli.Gateway;

/// <summary><c>GET /api/cache/alerts</c>: what fires, and the thresholds (shown as the gateway sends them).</summary>
public sealed record AlertReport(DateTimeOffset? EvaluatedAt, IReadOnlyList<FiringAlert>? Firing, System.Text.Json.JsonElement Thresholds);

public sealed record FiringAlert(string Name, string Message, double Value, double Threshold, DateTimeOffset Since);
