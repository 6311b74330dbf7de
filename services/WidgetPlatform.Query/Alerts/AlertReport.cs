namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// <c>GET /api/cache/alerts</c>: the alerts firing at the last evaluation, and the thresholds they were judged by (null
/// before the first evaluation).
/// </summary>
public sealed record AlertReport(DateTimeOffset? EvaluatedAt, IReadOnlyList<FiringAlert> Firing, AlertOptions? Thresholds);
