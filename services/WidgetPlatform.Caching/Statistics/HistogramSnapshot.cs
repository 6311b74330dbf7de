namespace WidgetPlatform.Caching.Statistics;

public sealed record HistogramSnapshot(long Count, long SumMicroseconds, long[] Buckets)
{
    public static HistogramSnapshot Empty { get; } = new(0, 0, new long[LatencyHistogram.BucketCount]);

    public double? AverageMs => Count == 0 ? null : SumMicroseconds / 1000.0 / Count;

    /// <summary>The bucket bound below which <paramref name="quantile"/> of the samples fall (an upper estimate, ≤ 50% over).</summary>
    public double? PercentileMs(double quantile)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var index = 0; index < Buckets.Length; index++)
        {
            seen += Buckets[index];
            if (seen >= rank)
            {
                return LatencyHistogram.UpperBoundMs(index);
            }
        }

        return LatencyHistogram.UpperBoundMs(Buckets.Length - 1);
    }

    public HistogramSnapshot Add(HistogramSnapshot other) =>
        new(Count + other.Count, SumMicroseconds + other.SumMicroseconds, [.. Buckets.Zip(other.Buckets, (left, right) => left + right)]);
}
