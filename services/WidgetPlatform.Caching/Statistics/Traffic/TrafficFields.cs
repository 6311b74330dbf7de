using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>
/// The names of the counters a traffic hash holds (docs/cache.md, "Statistics over time"). Every counter only grows, so a
/// process writes the difference since its last flush and any set of buckets sums to the traffic of its time span.
/// </summary>
public static class TrafficFields
{
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string Stale = "stale";
    public const string Bypass = "bypass";
    public const string Errors = "errors";
    public const string LockWaits = "lock-waits";
    public const string LockFailures = "lock-failures";
    public const string Computations = "computations";

    /// <summary>The sum of the latencies recorded, in microseconds: with the bucket counts, the average.</summary>
    public const string LatencySum = "lat-sum";

    /// <summary>The field of a study hash that holds the Unix milliseconds of its last invalidation (not a counter).</summary>
    public const string LastInvalidation = "last-invalidation";

    /// <summary>The field of a since-start hash holding the Unix milliseconds of the first write to it (not a counter).</summary>
    public const string Since = "since";

    private const string LatencyBucketPrefix = "lat:";

    private static readonly string[] LatencyBuckets = [.. Enumerable.Range(0, LatencyHistogram.BucketCount).Select(index => LatencyBucketPrefix + index)];

    /// <summary>A field of a study's hash, which holds every widget's: <c>widgetId/field</c> (widget ids have no '/').</summary>
    public static string OfWidget(string widgetId, string field) => $"{widgetId}/{field}";

    /// <summary>The widget and field of a study hash's field; false for a field of no widget (<see cref="Since"/>).</summary>
    public static bool TrySplitWidget(string name, out string widgetId, out string field)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        (widgetId, field) = slash > 0 ? (name[..slash], name[(slash + 1)..]) : ("", "");
        return slash > 0;
    }

    public static string Result(CacheResult result) => result switch
    {
        CacheResult.Hit => Hit,
        CacheResult.Miss => Miss,
        CacheResult.Stale => Stale,
        _ => Bypass,
    };

    public static string LatencyBucket(int index) => LatencyBuckets[index];

    /// <summary>The latency bucket a field counts, or -1 when it counts something else.</summary>
    public static int LatencyBucketOf(string field) =>
        field.StartsWith(LatencyBucketPrefix, StringComparison.Ordinal) && int.TryParse(field.AsSpan(LatencyBucketPrefix.Length), out var index)
            && index is >= 0 and < LatencyHistogram.BucketCount
            ? index
            : -1;

    /// <summary>The counters of a histogram: its bucket counts (zero ones left out) and its latency sum.</summary>
    public static void AddLatency(Dictionary<string, long> fields, HistogramSnapshot histogram)
    {
        for (var index = 0; index < histogram.Buckets.Length; index++)
        {
            if (histogram.Buckets[index] != 0)
            {
                fields[LatencyBucket(index)] = histogram.Buckets[index];
            }
        }

        if (histogram.SumMicroseconds != 0)
        {
            fields[LatencySum] = histogram.SumMicroseconds;
        }
    }
}
