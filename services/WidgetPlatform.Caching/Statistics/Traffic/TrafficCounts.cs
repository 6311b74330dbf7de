namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>
/// Counters by field name (<see cref="TrafficFields"/>): what a scope has done since its process started, or over a window
/// when read back from Redis. Summing and subtracting them field by field is all the statistics need.
/// </summary>
public sealed class TrafficCounts
{
    public static TrafficCounts Empty { get; } = new(new Dictionary<string, long>(StringComparer.Ordinal));

    private readonly Dictionary<string, long> _fields;

    public TrafficCounts(Dictionary<string, long> fields) => _fields = fields;

    public IReadOnlyDictionary<string, long> Fields => _fields;

    public long this[string field] => _fields.GetValueOrDefault(field);

    public long Requests => this[TrafficFields.Hit] + this[TrafficFields.Miss] + this[TrafficFields.Stale] + this[TrafficFields.Bypass];

    /// <summary>Hits and stale answers (both served from the cache) over all answers; null before the first.</summary>
    public double? HitRate => Requests == 0 ? null : (double)(this[TrafficFields.Hit] + this[TrafficFields.Stale]) / Requests;

    public double? ErrorRate
    {
        get
        {
            var attempts = Requests + this[TrafficFields.Errors];
            return attempts == 0 ? null : (double)this[TrafficFields.Errors] / attempts;
        }
    }

    public HistogramSnapshot Latency
    {
        get
        {
            var buckets = new long[LatencyHistogram.BucketCount];
            foreach (var (name, value) in _fields)
            {
                if (TrafficFields.LatencyBucketOf(name) is var index and >= 0)
                {
                    buckets[index] = value;
                }
            }

            return new HistogramSnapshot(buckets.Sum(), this[TrafficFields.LatencySum], buckets);
        }
    }

    /// <summary>What was counted since <paramref name="earlier"/>: the fields that grew, by how much.</summary>
    public TrafficCounts Since(TrafficCounts earlier)
    {
        var grown = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (field, value) in _fields)
        {
            if (value - earlier[field] is var delta and not 0)
            {
                grown[field] = delta;
            }
        }

        return new TrafficCounts(grown);
    }

    public static TrafficCounts Sum(IEnumerable<TrafficCounts> counts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var count in counts)
        {
            foreach (var (field, value) in count._fields)
            {
                sum[field] = sum.GetValueOrDefault(field) + value;
            }
        }

        return new TrafficCounts(sum);
    }
}
