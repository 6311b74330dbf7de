namespace WidgetPlatform.Query.Alerts;

/// <summary><c>GET /api/cache/alerts</c>: the alerts firing at the last evaluation, and the thresholds they were judged by.</summary>
public sealed record AlertReport(DateTimeOffset? EvaluatedAt, IReadOnlyList<FiringAlert> Firing, AlertOptions Thresholds);
