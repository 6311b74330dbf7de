using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Locking;

namespace WidgetPlatform.Caching.Refresh;

/// <summary>
/// G5: an entry past its refresh threshold is recomputed in the background while its old copy is served, once per key across
/// the fleet (the stampede lock) and at most once per <see cref="WidgetCacheOptions.RefreshRetryAfter"/> per process.
/// </summary>
public sealed partial class RefreshAhead(
    StampedeLock locks,
    HolderWait holderWait,
    RedisEntries entries,
    FencedComputation computation,
    EntryFreshness freshness,
    LocalEntries local,
    RedisCircuit circuit,
    WidgetCacheOptions options,
    TimeProvider time,
    ILogger<RefreshAhead> logger)
{
    // Keys whose refresh started here within the retry period: only those, so it stays as small as the refresh rate.
    private readonly ConcurrentDictionary<string, byte> _recent = new(StringComparer.Ordinal);

    public void Start(WidgetRequest request)
    {
        var key = request.Key.Value;
        if (!_recent.TryAdd(key, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            var startedAt = time.GetTimestamp();
            try
            {
                await RefreshAsync(request);
            }
            catch (Exception exception)
            {
                LogRefreshFailed(logger, exception, key);
            }
            finally
            {
                // A failed or adopted attempt is not retried by the very next stale hit, only once the period is over.
                var remaining = options.RefreshRetryAfter - time.GetElapsedTime(startedAt);
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, time);
                }

                _recent.TryRemove(key, out _);
            }
        });
    }

    private async Task RefreshAsync(WidgetRequest request)
    {
        var (reachable, token) = await circuit.TryAsync(() => locks.TryAcquireAsync(request.Key));
        if (!reachable)
        {
            return;
        }

        if (token is not null)
        {
            await RefreshAsHolderAsync(request, token);
            return;
        }

        // Another replica (or the warmer) is refreshing it: take its result into the in-process layer, which would otherwise
        // keep serving the old copy as stale until the next attempt.
        var wait = await holderWait.WaitAsync(request, LockWaitMode.EntryOnly, entry => freshness.IsFresh(request, entry));
        if (wait.End == LockWaitEnd.EntryArrived)
        {
            local.Set(request.StudyId, request.Key.WidgetId, wait.Entry!);
        }
    }

    private async Task RefreshAsHolderAsync(WidgetRequest request, string token)
    {
        try
        {
            // Another replica may have refreshed it already.
            var (_, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
            if (freshness.IsFresh(request, stored))
            {
                local.Set(request.StudyId, request.Key.WidgetId, stored);
                return;
            }

            await computation.ComputeAndStoreAsync(request);
        }
        finally
        {
            await circuit.TryAsync(() => locks.ReleaseAsync(request.Key, token));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refresh-ahead of {Key} failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string key);
}
