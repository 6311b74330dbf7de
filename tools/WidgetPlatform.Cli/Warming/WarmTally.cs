using System.Collections.Concurrent;

namespace WidgetPlatform.Cli.Warming;

/// <summary>One study's outcome of a warm through the gateway, counted from many requests in flight at once.</summary>
public sealed class WarmTally(string studyId, int items)
{
    private int _hits;
    private int _misses;
    private int _stale;
    private int _errors;
    private int _retried;

    public string StudyId { get; } = studyId;

    public int Items { get; } = items;

    public int Hits => _hits;

    public int Misses => _misses;

    public int Stale => _stale;

    public int Errors => _errors;

    public int Done => _hits + _misses + _stale + _errors;

    /// <summary>Items requested a second time because the first answer was not cached (bypass).</summary>
    public int Retried => _retried;

    public TimeSpan Duration { get; set; }

    public ConcurrentQueue<string> ErrorMessages { get; } = new();

    /// <summary>Counts one answer by its <c>metadata.cache</c>.</summary>
    public void Record(string widgetId, string cacheResult)
    {
        switch (cacheResult)
        {
            case "hit":
                Interlocked.Increment(ref _hits);
                break;
            case "miss":
                Interlocked.Increment(ref _misses);
                break;
            case "stale":
                // Served from the cache while a refresh runs in the background: cached, but not fresh yet.
                Interlocked.Increment(ref _stale);
                break;
            default:
                // "bypass": computed but not stored (Redis unreachable or slow, entry too large, lock timed out): not warmed.
                Error(widgetId, $"answered but not cached ({cacheResult}: Redis unreachable or slow, the entry too large, or its lock timed out); not warmed");
                break;
        }
    }

    public void RecordRetry() => Interlocked.Increment(ref _retried);

    public void Error(string widgetId, string message)
    {
        Interlocked.Increment(ref _errors);
        ErrorMessages.Enqueue($"{StudyId}/{widgetId}: {message}");
    }
}
