using Microsoft.Extensions.Logging;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Refresh;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Caching;

/// <summary>
/// The cache path of docs/design.md §5 for a request (the warmer's passes are <see cref="Passes.CachePass"/>): in-process layer → Redis → one computation per key
/// across the fleet (G4) → fenced store (G1, G3) → refresh-ahead (G5); Redis trouble means bypass, never an error (G6).
/// This class decides where an answer comes from; each step is a class of its own.
/// </summary>
public sealed partial class WidgetCache(
    RedisEntries entries,
    StampedeLock locks,
    HolderWait holderWait,
    InFlightComputations inFlight,
    FencedComputation computation,
    RefreshAhead refreshAhead,
    EntryFreshness freshness,
    LocalEntries local,
    RedisCircuit circuit,
    CacheCounters counters,
    ILogger<WidgetCache> logger)
{
    /// <summary>False while Redis is being bypassed.</summary>
    public bool RedisAvailable => circuit.IsClosed;

    /// <summary>An in-memory hit completes synchronously, with nothing allocated for the wait.</summary>
    public ValueTask<CacheAnswer> GetAsync(WidgetRequest request) =>
        TryGetLocal(request) is { } answer ? ValueTask.FromResult(answer) : GetBeyondMemoryAsync(request);

    private CacheAnswer? TryGetLocal(WidgetRequest request)
    {
        var entry = local.Get(request.Key.Value);
        var hit = entry is not null && entry.Answers(request.Filter);
        counters.RecordLookup(LookupLayer.Memory, hit);
        return hit ? Served(request, entry!) : null;
    }

    private async ValueTask<CacheAnswer> GetBeyondMemoryAsync(WidgetRequest request)
    {
        var (reachable, stored) = await circuit.TryAsync((entries, request.Key), static read => read.entries.GetAsync(read.Key));
        var hit = EntryFreshness.Matches(request, stored);
        RecordRedisLookup(reachable, hit);
        if (hit)
        {
            local.Set(request.StudyId, request.Key.WidgetId, stored!);
            return Served(request, stored!);
        }

        return await ComputeOnceAsync(request, reachable);
    }

    /// <summary>A fresh computation past every layer, not stored: an admin checking a suspect answer ("bypass").</summary>
    public Task<CacheAnswer> RecomputeAsync(WidgetRequest request) => computation.ComputeWithoutStoringAsync(request);

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
                var hit = EntryFreshness.Matches(request, entry);
                RecordRedisLookup(reachable, hit);
                if (hit)
                {
                    local.Set(request.StudyId, request.Key.WidgetId, entry!);
                    answers[index] = Served(request, entry!);
                }
                else
                {
                    computing.Add((index, ComputeOnceAsync(request, reachable)));
                }
            }

            foreach (var (index, answer) in computing)
            {
                answers[index] = await answer;
            }
        }

        return [.. answers.Select(answer => answer!.Value)];
    }

    /// <summary>A Redis that was not reached was not looked in: bypassed requests count as bypass answers, not as misses.</summary>
    private void RecordRedisLookup(bool reachable, bool hit)
    {
        if (reachable)
        {
            counters.RecordLookup(LookupLayer.Redis, hit);
        }
    }

    private CacheAnswer Served(WidgetRequest request, CacheEntry entry)
    {
        if (!freshness.IsDueForRefresh(entry))
        {
            return new CacheAnswer(entry, CacheResult.Hit);
        }

        refreshAhead.Start(request);
        return new CacheAnswer(entry, CacheResult.Stale);
    }

    private Task<CacheAnswer> ComputeOnceAsync(WidgetRequest request, bool redisReachable) =>
        inFlight.RunOnceAsync(
            request.Key.Value,
            () => redisReachable ? ComputeUnderLockAsync(request) : computation.ComputeWithoutStoringAsync(request));

    /// <summary>The distributed half of G4: the lock holder computes and stores; the others wait for its entry.</summary>
    private async Task<CacheAnswer> ComputeUnderLockAsync(WidgetRequest request)
    {
        var wait = await holderWait.WaitAsync(request, LockWaitMode.TakeOverWhenFree, entry => EntryFreshness.Matches(request, entry));
        switch (wait.End)
        {
            case LockWaitEnd.Acquired:
                return await ComputeAsHolderAsync(request, wait.Token!);
            case LockWaitEnd.EntryArrived:
                local.Set(request.StudyId, request.Key.WidgetId, wait.Entry!);
                return new CacheAnswer(wait.Entry!, CacheResult.Miss);
            case LockWaitEnd.TimedOut:
                // Other processes took the freed lock first, one after another: answer rather than wait any longer.
                counters.RecordLockFailure();
                LogLockTimedOut(logger, request.Key.Value);
                return await computation.ComputeWithoutStoringAsync(request);
            default:
                return await computation.ComputeWithoutStoringAsync(request);
        }
    }

    private async Task<CacheAnswer> ComputeAsHolderAsync(WidgetRequest request, string token)
    {
        try
        {
            // Another replica (or the warmer's pass) may have stored it between our miss and our lock.
            var (_, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
            if (EntryFreshness.Matches(request, stored))
            {
                local.Set(request.StudyId, request.Key.WidgetId, stored);
                return new CacheAnswer(stored, CacheResult.Hit);
            }

            return await computation.ComputeAndStoreAsync(request);
        }
        finally
        {
            await circuit.TryAsync(() => locks.ReleaseAsync(request.Key, token));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stampede lock of {Key} still held after the lock timeout; computing without it")]
    private static partial void LogLockTimedOut(ILogger logger, string key);
}
