namespace WidgetPlatform.LoadBenchmarks.Scenarios;

internal static class Percentiles
{
    /// <summary>Nearest rank: of 50 samples p50 is the 25th and p99 the largest, so a p99 over few samples is their worst.</summary>
    public static double Of(IReadOnlyCollection<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
