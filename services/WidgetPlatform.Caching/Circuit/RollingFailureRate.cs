namespace WidgetPlatform.Caching.Circuit;

/// <summary>
/// Calls and failures over the last sampling duration, in ten buckets that age out one by one (as Polly's breaker counts
/// them), so a burst of failures weighs for the window and no longer. Not thread-safe: <see cref="RedisCircuit"/> locks.
/// </summary>
internal sealed class RollingFailureRate
{
    private const int BucketCount = 10;

    private readonly long[] _starts = new long[BucketCount];
    private readonly int[] _calls = new int[BucketCount];
    private readonly int[] _failures = new int[BucketCount];
    private readonly long _bucketLength;
    private int _current;

    /// <param name="sampling">The window, in timestamp ticks.</param>
    public RollingFailureRate(long sampling)
    {
        _bucketLength = Math.Max(1, sampling / BucketCount);
        Reset(0);
    }

    public void Add(bool failed, long now)
    {
        if (now - _starts[_current] >= _bucketLength)
        {
            _current = (_current + 1) % BucketCount;
            _starts[_current] = now;
            _calls[_current] = 0;
            _failures[_current] = 0;
        }

        _calls[_current]++;
        if (failed)
        {
            _failures[_current]++;
        }
    }

    /// <summary>Calls and failures in the buckets that started within the window before <paramref name="now"/>.</summary>
    public (int Calls, int Failures) Sum(long now)
    {
        var window = _bucketLength * BucketCount;
        int calls = 0, failures = 0;
        for (var bucket = 0; bucket < BucketCount; bucket++)
        {
            if (now - _starts[bucket] < window)
            {
                calls += _calls[bucket];
                failures += _failures[bucket];
            }
        }

        return (calls, failures);
    }

    public void Reset(long now)
    {
        Array.Fill(_starts, long.MinValue / 2);
        Array.Clear(_calls);
        Array.Clear(_failures);
        _current = 0;
        _starts[0] = now;
    }
}
