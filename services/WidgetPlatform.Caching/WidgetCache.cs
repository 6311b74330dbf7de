using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Caching;

/// <summary>
/// The cache path of DESIGN §5, shared by the gateway and the warmer: in-process layer → Redis → one computation per key
/// across the fleet (G4) → fenced store (G1, G3) → refresh-ahead (G5); Redis trouble means bypass, never an error (G6).
/// </summary>
public sealed partial class WidgetCache(
    RedisEntries entries,
    StampedeLock locks,
    WidgetComputer computer,
    LocalEntries local,
    RedisCircuit circuit,
    CacheCounters counters,
    WidgetCacheOptions options,
    TimeProvider time,
    ILogger<WidgetCache> logger)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan RefreshRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LockGrace = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Task<CacheAnswer>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _refreshAttempts = new(StringComparer.Ordinal);

    /// <summary>False while Redis is being bypassed.</summary>
    public bool RedisAvailable => circuit.IsClosed;

    /// <summary>The in-process layer alone: no I/O, so the hottest path stays synchronous.</summary>
    public CacheAnswer? TryGetLocal(WidgetRequest request)
    {
        var entry = local.Get(request.Key.Value);
        return entry is not null && entry.Metadata.Filter == request.Filter.Json ? Served(request, entry) : null;
    }

    public async ValueTask<CacheAnswer> GetAsync(WidgetRequest request)
    {
        if (TryGetLocal(request) is { } answer)
        {
            return answer;
        }

        var (reachable, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
        if (Matches(request, stored))
        {
            local.Set(request.StudyId, request.Key.WidgetId, stored!);
            return Served(request, stored!);
        }

        return await ComputeOnceAsync(request, reachable, notBefore: null);
    }

    /// <summary>A dashboard: in-process hits, then every other key in one Redis round trip, then the misses computed in parallel.</summary>
    public async Task<CacheAnswer[]> GetManyAsync(IReadOnlyList<WidgetRequest> requests)
    {
        var answers = new CacheAnswer?[requests.Count];
        var remote = new List<int>();
        for (var index = 0; index < requests.Count; index++)
        {
            answers[index] = TryGetLocal(requests[index]);
            if (answers[index] is null)
            {
                remote.Add(index);
            }
        }

        if (remote.Count > 0)
        {
            var (reachable, stored) = await circuit.TryAsync(() => entries.GetManyAsync([.. remote.Select(index => requests[index].Key)]));
            var computing = new List<(int Index, Task<CacheAnswer> Answer)>();
            for (var position = 0; position < remote.Count; position++)
            {
                var index = remote[position];
                var request = requests[index];
                var entry = reachable ? stored![position] : null;
                if (Matches(request, entry))
                {
                    local.Set(request.StudyId, request.Key.WidgetId, entry!);
                    answers[index] = Served(request, entry!);
                }
                else
                {
                    computing.Add((index, ComputeOnceAsync(request, reachable, notBefore: null)));
                }
            }

            foreach (var (index, answer) in computing)
            {
                answers[index] = await answer;
            }
        }

        return [.. answers.Select(answer => answer!.Value)];
    }

    /// <summary>
    /// For the warmer: makes sure the entry exists (or, with <paramref name="force"/>, is recomputed now), through the same
    /// lock as user requests, so a burst of users and the warmer still compute a key once.
    /// </summary>
    public async Task<CacheAnswer> WarmAsync(WidgetRequest request, bool force)
    {
        var startedAt = time.GetUtcNow();
        if (!force)
        {
            var (_, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
            if (IsFresh(request, stored))
            {
                return new CacheAnswer(stored, CacheResult.Hit);
            }
        }

        // Without force, an entry a user request stored meanwhile is as good as ours: the holder checks for it first.
        return await ComputeOnceAsync(request, circuit.IsClosed, notBefore: force ? startedAt : null);
    }

    private CacheAnswer Served(WidgetRequest request, CacheEntry entry)
    {
        if (!PastRefreshThreshold(entry))
        {
            return new CacheAnswer(entry, CacheResult.Hit);
        }

        RefreshInBackground(request);
        return new CacheAnswer(entry, CacheResult.Stale);
    }

    private bool PastRefreshThreshold(CacheEntry entry) =>
        time.GetUtcNow() >= entry.Metadata.CalculatedAt.AddSeconds(entry.Metadata.TtlSeconds * options.RefreshAheadRatio);

    /// <summary>An entry for exactly this request that needs no refresh yet.</summary>
    private bool IsFresh(WidgetRequest request, [NotNullWhen(true)] CacheEntry? entry) => Matches(request, entry) && !PastRefreshThreshold(entry!);

    private static bool Matches(WidgetRequest request, CacheEntry? entry) =>
        entry is not null && entry.Metadata.Filter == request.Filter.Json && entry.Metadata.DataVersion == request.DataVersion;

    /// <summary>The in-process half of G4: concurrent requests for one key in this process share one task.</summary>
    private async Task<CacheAnswer> ComputeOnceAsync(WidgetRequest request, bool redisReachable, DateTimeOffset? notBefore)
    {
        var mine = new TaskCompletionSource<CacheAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _inFlight.GetOrAdd(request.Key.Value, mine.Task);
        if (shared != mine.Task)
        {
            return await shared;
        }

        try
        {
            mine.SetResult(redisReachable ? await ComputeUnderLockAsync(request, notBefore) : await BypassAsync(request));
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<CacheAnswer>>(request.Key.Value, mine.Task));
        }

        return await mine.Task;
    }

    /// <summary>The distributed half of G4: the lock holder computes and stores; the others wait for its entry.</summary>
    private async Task<CacheAnswer> ComputeUnderLockAsync(WidgetRequest request, DateTimeOffset? notBefore)
    {
        // A dead holder's lock expires at LockTimeout and a waiter takes it over; the grace covers that last poll.
        var deadline = time.GetUtcNow() + options.LockTimeout + LockGrace;
        var poll = FirstPoll;
        var waited = false;
        while (true)
        {
            var (reachable, token) = await circuit.TryAsync(() => locks.TryAcquireAsync(request.Key));
            if (!reachable)
            {
                return await BypassAsync(request);
            }

            if (token is not null)
            {
                return await ComputeAsHolderAsync(request, token, checkExisting: notBefore is null);
            }

            if (!waited)
            {
                counters.RecordLockWait();
                waited = true;
            }

            await Task.Delay(poll, time);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));

            var (stillReachable, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
            if (!stillReachable)
            {
                return await BypassAsync(request);
            }

            if (Matches(request, stored) && (notBefore is null || stored!.Metadata.CalculatedAt >= notBefore))
            {
                local.Set(request.StudyId, request.Key.WidgetId, stored!);
                return new CacheAnswer(stored!, CacheResult.Miss);
            }

            if (time.GetUtcNow() > deadline)
            {
                // Only reachable if holders keep renewing past the timeout; answer rather than wait any longer.
                counters.RecordLockFailure();
                LogLockTimedOut(logger, request.Key.Value);
                return await BypassAsync(request);
            }
        }
    }

    private async Task<CacheAnswer> ComputeAsHolderAsync(WidgetRequest request, string token, bool checkExisting)
    {
        try
        {
            if (checkExisting)
            {
                // Another replica may have stored it between our miss and our lock.
                var (_, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
                if (Matches(request, stored))
                {
                    local.Set(request.StudyId, request.Key.WidgetId, stored!);
                    return new CacheAnswer(stored!, CacheResult.Hit);
                }
            }

            return await ComputeAndStoreAsync(request);
        }
        finally
        {
            await circuit.TryAsync(async () =>
            {
                await locks.ReleaseAsync(request.Key, token);
                return true;
            });
        }
    }

    private async Task<CacheAnswer> ComputeAndStoreAsync(WidgetRequest request)
    {
        // The epoch is read before computing: an invalidation during the computation then fences the store out.
        var (reachable, epoch) = await circuit.TryAsync(() => entries.EpochAsync(request.Key));
        var entry = await computer.ComputeAsync(request, CancellationToken.None);
        if (!reachable)
        {
            return new CacheAnswer(entry, CacheResult.Bypass);
        }

        if (entry.Stored.Length > options.MaxEntryBytes)
        {
            LogNotStored(logger, request.Key.Value, StoreOutcome.TooLarge);
            return new CacheAnswer(entry, CacheResult.Bypass);
        }

        var (stored, outcome) = await circuit.TryAsync(() => entries.StoreAsync(request, entry, epoch!));
        if (!stored)
        {
            return new CacheAnswer(entry, CacheResult.Bypass);
        }

        if (outcome == StoreOutcome.Stored)
        {
            local.Set(request.StudyId, request.Key.WidgetId, entry);
        }
        else
        {
            LogNotStored(logger, request.Key.Value, outcome);
        }

        return new CacheAnswer(entry, CacheResult.Miss);
    }

    private async Task<CacheAnswer> BypassAsync(WidgetRequest request) =>
        new(await computer.ComputeAsync(request, CancellationToken.None), CacheResult.Bypass);

    /// <summary>G5: one recomputation per key across the fleet (the same lock), at most one attempt per second per process.</summary>
    private void RefreshInBackground(WidgetRequest request)
    {
        var now = time.GetTimestamp();
        var key = request.Key.Value;
        if (_refreshAttempts.TryGetValue(key, out var last) && time.GetElapsedTime(last, now) < RefreshRetryAfter)
        {
            return;
        }

        if (!_refreshAttempts.TryAdd(key, now) && !_refreshAttempts.TryUpdate(key, now, last))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var (reachable, token) = await circuit.TryAsync(() => locks.TryAcquireAsync(request.Key));
                if (reachable && token is not null)
                {
                    await RefreshAsHolderAsync(request, token);
                }
                else if (reachable)
                {
                    await AdoptRefreshOfAnotherAsync(request);
                }
            }
            catch (Exception exception)
            {
                LogRefreshFailed(logger, exception, key);
            }
        });
    }

    private async Task RefreshAsHolderAsync(WidgetRequest request, string token)
    {
        try
        {
            // Another replica may have refreshed it already.
            var (_, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
            if (IsFresh(request, stored))
            {
                local.Set(request.StudyId, request.Key.WidgetId, stored);
                return;
            }

            await ComputeAndStoreAsync(request);
        }
        finally
        {
            _refreshAttempts.TryRemove(request.Key.Value, out _);
            await circuit.TryAsync(async () =>
            {
                await locks.ReleaseAsync(request.Key, token);
                return true;
            });
        }
    }

    /// <summary>
    /// Another replica (or the warmer) holds the lock and is refreshing the entry: wait for its result and put it in the
    /// in-process layer, which would otherwise keep serving the old copy as stale until the next attempt.
    /// </summary>
    private async Task AdoptRefreshOfAnotherAsync(WidgetRequest request)
    {
        var deadline = time.GetUtcNow() + options.LockTimeout + LockGrace;
        var poll = FirstPoll;
        while (time.GetUtcNow() < deadline)
        {
            await Task.Delay(poll, time);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));

            // The lock first, then the entry: an entry read after the lock was seen released is the holder's last word.
            var (_, held) = await circuit.TryAsync(() => locks.IsHeldAsync(request.Key));
            var (reachable, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
            if (!reachable)
            {
                return;
            }

            if (IsFresh(request, stored))
            {
                local.Set(request.StudyId, request.Key.WidgetId, stored);
                return;
            }

            if (!held)
            {
                // The holder gave up or died without storing: the next stale hit tries again.
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stampede lock of {Key} still held after the lock timeout; computing without it")]
    private static partial void LogLockTimedOut(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Entry {Key} served but not stored: {Outcome}")]
    private static partial void LogNotStored(ILogger logger, string key, StoreOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refresh-ahead of {Key} failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string key);
}
