namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// Response times in fixed exponential buckets (10 µs × 1.5^i): lock-free to record, and summable across replicas, which a
/// per-process percentile is not — fleet-wide p95 comes from the summed buckets.
/// </summary>
public sealed class LatencyHistogram
{
    public const int BucketCount = 40;
    private const double FirstBoundMs = 0.01;
    private const double Growth = 1.5;
    private static readonly double LogGrowth = Math.Log(Growth);

    private readonly long[] _buckets = new long[BucketCount];
    private long _count;
    private long _sumMicroseconds;

    public void Record(TimeSpan elapsed) => Record(BucketOf(elapsed), elapsed);

    /// <summary>Records a time whose bucket the caller found once for several histograms (a logarithm each time otherwise).</summary>
    public void Record(int bucket, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicroseconds, (long)(elapsed.TotalMilliseconds * 1000));
    }

    public static int BucketOf(TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        return ms <= FirstBoundMs ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log(ms / FirstBoundMs) / LogGrowth));
    }

    public HistogramSnapshot Snapshot()
    {
        var buckets = new long[BucketCount];
        for (var index = 0; index < BucketCount; index++)
        {
            buckets[index] = Interlocked.Read(ref _buckets[index]);
        }

        return new HistogramSnapshot(Interlocked.Read(ref _count), Interlocked.Read(ref _sumMicroseconds), buckets);
    }

    /// <summary>The upper bound, in milliseconds, of bucket <paramref name="index"/>.</summary>
    public static double UpperBoundMs(int index) => FirstBoundMs * Math.Pow(Growth, index);
}
