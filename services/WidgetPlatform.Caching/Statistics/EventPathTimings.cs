using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// This process's record of the event path: one latency histogram per step, summable across replicas like the response
/// times, and the same durations as an OpenTelemetry histogram tagged by step.
/// </summary>
public sealed class EventPathTimings
{
    private static readonly Histogram<double> StepDuration = PlatformTelemetry.Meter.CreateHistogram<double>(
        "widgetplatform.event_path.step.duration", "s", "Time an upload's change spends in each step between the upload's 202 and version-changed on an SSE stream");

    private readonly ConcurrentDictionary<string, LatencyHistogram> _steps = new(StringComparer.Ordinal);

    public void Record(string step, TimeSpan elapsed)
    {
        if (!EventPathStep.IsKnown(step))
        {
            return;
        }

        _steps.GetOrAdd(step, _ => new LatencyHistogram()).Record(elapsed);
        StepDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("step", step));
    }

    public void Record(StepTimings timings)
    {
        foreach (var (step, ms) in timings.Steps)
        {
            Record(step, TimeSpan.FromMilliseconds(ms));
        }
    }

    public IReadOnlyDictionary<string, HistogramSnapshot> Snapshot() =>
        _steps.ToDictionary(pair => pair.Key, pair => pair.Value.Snapshot(), StringComparer.Ordinal);
}
