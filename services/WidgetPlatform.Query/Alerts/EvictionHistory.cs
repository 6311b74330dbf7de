namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// Redis's <c>evicted_keys</c> (a total since Redis started) as the evaluator read it over time, so that the evictions of the
/// last window are the difference between now and the oldest reading inside it. A Redis restart resets the total: the new
/// total counts from zero.
/// </summary>
public sealed class EvictionHistory
{
    private readonly Queue<(DateTimeOffset At, long Total)> _readings = new();

    public long Record(DateTimeOffset now, long total, TimeSpan window)
    {
        while (_readings.Count > 0 && (_readings.Peek().At < now - window || _readings.Peek().Total > total))
        {
            _readings.Dequeue();
        }

        var evicted = _readings.Count == 0 ? 0 : total - _readings.Peek().Total;
        _readings.Enqueue((now, total));
        return evicted;
    }
}
