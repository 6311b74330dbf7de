using System.Collections.Concurrent;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Locking;

namespace WidgetPlatform.Caching.Passes;

/// <summary>
/// Warming many entries at once (docs/cache.md, "One pass per upload"): the entries are locked, so the
/// one-computation-per-key guarantee (G4) holds across the pass and user requests, and the pending passes claimed behind
/// the locks, so users' misses wait on those locks; the entries found fresh are let go, and the rest computed in one scan
/// per dataset version, stored through each key's fence (G1, G3) and unlocked.
/// </summary>
public sealed class CachePass(
    RedisEntries entries,
    StampedeLock locks,
    HolderWait holders,
    PendingPasses passes,
    FencedComputation computation,
    EntryFreshness freshness,
    RedisCircuit circuit)
{
    /// <param name="claims">Pending passes this warm answers for, claimed once its locks are held, even when it computes nothing.</param>
    /// <param name="force">Recompute entries that are still fresh.</param>
    public async Task<WarmOutcome[]> WarmAsync(IReadOnlyList<WidgetRequest> requests, IReadOnlyCollection<PendingPass> claims, bool force)
    {
        var outcomes = new WarmOutcome[requests.Count];
        var candidates = Enumerable.Range(0, requests.Count).ToList();
        // A warm caused by a new version goes straight to the locks: what a pass ahead stored is read behind them.
        if (!force && claims.Count == 0 && !await DropFreshAsync(requests, candidates, outcomes))
        {
            return outcomes;
        }

        // The claim names the pass of every candidate: a key another process holds is computed by that holder, and users'
        // misses wait on its lock as on ours. A warm for new versions also waits for those holders (a pass run ahead by
        // another warmer, most often), so that once it is done every entry it answers for is stored.
        await LockAndComputeAsync(
            requests, candidates, outcomes, force, () => passes.ClaimAsync(claims.Concat(candidates.Select(index => PassOf(requests[index])))), waitForHolders: claims.Count > 0);
        return outcomes;
    }

    /// <summary>
    /// An upload's pass, started when the upload's message arrives rather than when the invalidation service announces the
    /// version: <paramref name="requests"/> name the new versions, and their passes are claimed ahead, so the announcement
    /// marks none of them pending and users' misses wait on this pass's locks.
    /// </summary>
    public async Task<WarmOutcome[]> WarmAheadAsync(IReadOnlyList<WidgetRequest> requests, IReadOnlyCollection<PendingPass> ahead)
    {
        var outcomes = new WarmOutcome[requests.Count];
        await LockAndComputeAsync(requests, [.. Enumerable.Range(0, requests.Count)], outcomes, force: false, () => passes.ClaimAheadAsync(ahead), waitForHolders: false);
        return outcomes;
    }

    private async Task LockAndComputeAsync(
        IReadOnlyList<WidgetRequest> requests, List<int> candidates, WarmOutcome[] outcomes, bool force, Func<Task> claim, bool waitForHolders)
    {
        // The claim is sent right behind the locks, so Redis runs it after them in one round trip.
        var keys = candidates.Select(index => requests[index].Key).ToArray();
        var locking = circuit.TryAsync(() => locks.TryAcquireManyAsync(keys));
        var claiming = circuit.TryAsync(claim);
        // Queued behind the locks as well, so Redis answers them once the locks are ours: what is stored by then (entries
        // another replica stored in between), and each key's fence epoch, read before the scan.
        var reading = force || keys.Length == 0 ? null : circuit.TryAsync(() => entries.GetManyAsync(keys)).AsTask();
        var fencing = computation.ReadEpochsAsync([.. candidates.Select(index => requests[index])]);
        var (reachable, tokens) = await locking;
        await claiming;
        var epochs = await fencing;
        var (readable, stored) = reading is null ? (true, null) : await reading;
        if (!reachable)
        {
            return;
        }

        // Keys another process is computing are left to it: it stores them as this pass would.
        var held = new List<int>();
        var elsewhere = new List<int>();
        var locked = new ConcurrentDictionary<WidgetCacheKey, string>();
        for (var position = 0; position < candidates.Count; position++)
        {
            if (tokens![position] is { } token)
            {
                held.Add(position);
                locked[keys[position]] = token;
            }
            else
            {
                elsewhere.Add(candidates[position]);
            }
        }

        var othersStored = waitForHolders ? Task.WhenAll(elsewhere.Select(index => AwaitHolderAsync(requests[index], outcomes, index))) : Task.CompletedTask;

        try
        {
            if (!readable)
            {
                return;
            }

            if (stored is not null)
            {
                var fresh = held.Where(position => IsFreshHit(requests[candidates[position]], stored[position], outcomes, candidates[position])).ToHashSet();
                held.RemoveAll(fresh.Contains);
            }

            // Each lock goes as soon as its entry is stored: users waiting on it wake without waiting for the whole pass.
            var computed = await computation.ComputeAndStorePassAsync(
                [.. held.Select(position => requests[candidates[position]])],
                [.. held.Select(position => epochs[position])],
                index => ReleaseAsync(keys[held[index]], locked));
            for (var index = 0; index < held.Count; index++)
            {
                outcomes[candidates[held[index]]] = new WarmOutcome(computed[index].Answer?.Result, computed[index].Error);
            }
        }
        finally
        {
            await Task.WhenAll(locked.Keys.ToList().Select(key => ReleaseAsync(key, locked)));
            await othersStored;
        }
    }

    /// <summary>The entry another holder stores, as a hit; nothing when it gave up (its key then waits for the next warm or a user).</summary>
    private async Task AwaitHolderAsync(WidgetRequest request, WarmOutcome[] outcomes, int index)
    {
        var wait = await holders.WaitAsync(request, LockWaitMode.EntryOnly, entry => freshness.IsFresh(request, entry));
        if (wait.End == LockWaitEnd.EntryArrived)
        {
            outcomes[index] = new WarmOutcome(CacheResult.Hit);
        }
    }

    private async Task ReleaseAsync(WidgetCacheKey key, ConcurrentDictionary<WidgetCacheKey, string> locked)
    {
        if (locked.TryRemove(key, out var token))
        {
            await circuit.TryAsync(() => locks.ReleaseAsync(key, token));
        }
    }

    /// <summary>
    /// Takes the requests whose entry is fresh in Redis out of <paramref name="candidates"/>, as hits; false when Redis did not
    /// answer. Before the locks: what is fresh already needs none.
    /// </summary>
    private async Task<bool> DropFreshAsync(IReadOnlyList<WidgetRequest> requests, List<int> candidates, WarmOutcome[] outcomes)
    {
        if (candidates.Count == 0)
        {
            return true;
        }

        var (reachable, stored) = await circuit.TryAsync(() => entries.GetManyAsync([.. candidates.Select(index => requests[index].Key)]));
        if (!reachable)
        {
            return false;
        }

        var fresh = new HashSet<int>();
        for (var position = 0; position < candidates.Count; position++)
        {
            if (IsFreshHit(requests[candidates[position]], stored![position], outcomes, candidates[position]))
            {
                fresh.Add(candidates[position]);
            }
        }

        candidates.RemoveAll(fresh.Contains);
        return true;
    }

    /// <summary>Whether the stored entry already answers the request; if so it is recorded as a hit.</summary>
    private bool IsFreshHit(WidgetRequest request, CacheEntry? stored, WarmOutcome[] outcomes, int index)
    {
        if (!freshness.IsFresh(request, stored))
        {
            return false;
        }

        outcomes[index] = new WarmOutcome(CacheResult.Hit);
        return true;
    }

    private static PendingPass PassOf(WidgetRequest request) =>
        new(request.StudyId, request.Definition.Layer, request.Definition.Dataset, request.DataVersion);
}
