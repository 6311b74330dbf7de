namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>
/// A span of recent time the statistics sum over, read from buckets: spans up to five minutes from 5-second buckets, longer
/// ones from minute buckets, and since the start of the statistics from one running total. A window covers whole buckets,
/// so it reaches back up to one bucket further than its span (the last minute is 60 to 65 s).
/// </summary>
public sealed record TrafficWindow(string Name, TimeSpan? Span)
{
    public static readonly TimeSpan FineBucket = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CoarseBucket = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestFine = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongestCoarse = TimeSpan.FromHours(1);

    public static readonly TrafficWindow LastMinute = new("lastMinute", TimeSpan.FromMinutes(1));
    public static readonly TrafficWindow Last5Minutes = new("last5Minutes", TimeSpan.FromMinutes(5));
    public static readonly TrafficWindow LastHour = new("lastHour", TimeSpan.FromHours(1));
    public static readonly TrafficWindow SinceStart = new("sinceStart", null);

    /// <summary>The windows every statistics report shows, shortest first.</summary>
    public static readonly IReadOnlyList<TrafficWindow> Reported = [LastMinute, Last5Minutes, LastHour, SinceStart];

    public static TrafficWindow Of(TimeSpan span) =>
        span > TimeSpan.Zero && span <= LongestCoarse
            ? new TrafficWindow($"last{span.TotalSeconds:0}s", span)
            : throw new ArgumentOutOfRangeException(nameof(span), span, $"A window spans more than zero and at most {LongestCoarse}.");

    public TimeSpan Bucket => Span <= LongestFine ? FineBucket : CoarseBucket;

    /// <summary>The numbers of the buckets this window sums at <paramref name="now"/>, oldest first; none for since-start.</summary>
    public IEnumerable<long> Buckets(DateTimeOffset now)
    {
        if (Span is not { } span)
        {
            yield break;
        }

        var last = BucketOf(now, Bucket);
        for (var bucket = BucketOf(now - span, Bucket); bucket <= last; bucket++)
        {
            yield return bucket;
        }
    }

    public static long BucketOf(DateTimeOffset at, TimeSpan width) => at.ToUnixTimeMilliseconds() / (long)width.TotalMilliseconds;
}
