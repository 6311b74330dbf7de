using System.Diagnostics.Metrics;
using WidgetPlatform.Caching;

namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// The alerts firing in this gateway's last evaluation, for the API, the health check and the
/// <c>widgetplatform.alerts.firing</c> gauge (1 per firing alert, 0 for the others, tagged with the alert's name).
/// </summary>
public sealed class AlertBoard
{
    private volatile AlertState _state = new(null, new Dictionary<string, FiringAlert>(StringComparer.Ordinal), null);

    /// <param name="meters">The host's meter factory: the gauge goes away with the host (tests start many in one process).</param>
    public AlertBoard(IMeterFactory meters) =>
        meters.Create(PlatformTelemetry.Name).CreateObservableGauge(
            "widgetplatform.alerts.firing",
            () => AlertRules.All.Select(name => new Measurement<int>(_state.Firing.ContainsKey(name) ? 1 : 0, new KeyValuePair<string, object?>("alert", name))),
            unit: "{alert}",
            description: "1 while the alert is firing, 0 otherwise");

    public DateTimeOffset? EvaluatedAt => _state.EvaluatedAt;

    /// <summary>The thresholds the last evaluation judged by; null before the first.</summary>
    public AlertOptions? Thresholds => _state.Thresholds;

    public IReadOnlyList<FiringAlert> Current => [.. _state.Firing.Values.OrderBy(alert => alert.Since).ThenBy(alert => alert.Name, StringComparer.Ordinal)];

    /// <summary>Replaces the firing alerts with this evaluation's; returns those that started firing and those that cleared.</summary>
    public (IReadOnlyList<FiringAlert> Fired, IReadOnlyList<FiringAlert> Cleared) Update(
        IEnumerable<(string Name, string Message, double Value, double Threshold)> firing, DateTimeOffset now, AlertOptions? thresholds = null)
    {
        var before = _state.Firing;
        var after = new Dictionary<string, FiringAlert>(StringComparer.Ordinal);
        var fired = new List<FiringAlert>();
        foreach (var (name, message, value, threshold) in firing)
        {
            var since = before.TryGetValue(name, out var earlier) ? earlier.Since : now;
            after[name] = new FiringAlert(name, message, value, threshold, since);
            if (earlier is null)
            {
                fired.Add(after[name]);
            }
        }

        _state = new AlertState(now, after, thresholds);
        return (fired, [.. before.Values.Where(alert => !after.ContainsKey(alert.Name))]);
    }

    private sealed record AlertState(DateTimeOffset? EvaluatedAt, IReadOnlyDictionary<string, FiringAlert> Firing, AlertOptions? Thresholds);
}
