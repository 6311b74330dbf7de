using System.Collections.Concurrent;
using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>
/// Answers per widget in this process, counted with interlocked increments on the request path; <see cref="TrafficFlusher"/>
/// moves what changed to Redis. Only widgets that exist are recorded (the request resolved its definition first), so the
/// dictionary is bounded by the catalog.
/// </summary>
public sealed class WidgetTraffic
{
    private readonly ConcurrentDictionary<(string StudyId, string WidgetId), Figures> _widgets = new();

    /// <param name="bucket">The latency bucket of <paramref name="elapsed"/> (<see cref="LatencyHistogram.BucketOf"/>).</param>
    public void Record(string studyId, string widgetId, CacheResult result, int bucket, TimeSpan elapsed)
    {
        if (!_widgets.TryGetValue((studyId, widgetId), out var figures))
        {
            figures = _widgets.GetOrAdd((studyId, widgetId), _ => new Figures());
        }

        Interlocked.Increment(ref figures.Results[(int)result]);
        figures.Latency.Record(bucket, elapsed);
    }

    /// <summary>Every widget's counters since this process started, by study.</summary>
    public Dictionary<string, Dictionary<string, TrafficCounts>> Snapshot()
    {
        var studies = new Dictionary<string, Dictionary<string, TrafficCounts>>(StringComparer.Ordinal);
        foreach (var ((studyId, widgetId), figures) in _widgets)
        {
            if (!studies.TryGetValue(studyId, out var widgets))
            {
                studies[studyId] = widgets = new Dictionary<string, TrafficCounts>(StringComparer.Ordinal);
            }

            widgets[widgetId] = figures.Counts();
        }

        return studies;
    }

    private sealed class Figures
    {
        public readonly long[] Results = new long[Enum.GetValues<CacheResult>().Length];

        public LatencyHistogram Latency { get; } = new();

        public TrafficCounts Counts()
        {
            var fields = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var result in Enum.GetValues<CacheResult>())
            {
                if (Interlocked.Read(ref Results[(int)result]) is var count and not 0)
                {
                    fields[TrafficFields.Result(result)] = count;
                }
            }

            TrafficFields.AddLatency(fields, Latency.Snapshot());
            return new TrafficCounts(fields);
        }
    }
}
