using System.Collections.Concurrent;
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
    RedisEntries entries, StampedeLock locks, PendingPasses passes, FencedComputation computation, EntryFreshness freshness, RedisCircuit circuit)
{
    /// <param name="claims">Pending passes this warm answers for, claimed once its locks are held, even when it computes nothing.</param>
    /// <param name="force">Recompute entries that are still fresh.</param>
    public async Task<WarmOutcome[]> WarmAsync(IReadOnlyList<WidgetRequest> requests, IReadOnlyCollection<PendingPass> claims, bool force)
    {
        var outcomes = new WarmOutcome[requests.Count];
        var candidates = Enumerable.Range(0, requests.Count).ToList();
        // A warm caused by a new version finds nothing of that version stored: it goes straight to the locks.
        if (!force && claims.Count == 0 && !await DropFreshAsync(requests, candidates, outcomes))
        {
            return outcomes;
        }

        // The claim is sent right behind the locks, so Redis runs it after them in one round trip. It names the pass of every
        // candidate: a key another process holds is computed by that holder, and users' misses wait on its lock as on ours.
        var locking = circuit.TryAsync(() => locks.TryAcquireManyAsync([.. candidates.Select(index => requests[index].Key)]));
        var claiming = circuit.TryAsync(() => passes.ClaimAsync(claims.Concat(candidates.Select(index => PassOf(requests[index])))));
        var (reachable, tokens) = await locking;
        await claiming;
        if (!reachable)
        {
            return outcomes;
        }

        // Keys another process is computing are left to it: it stores them as this pass would.
        var held = new List<int>();
        var locked = new ConcurrentDictionary<WidgetCacheKey, string>();
        for (var position = 0; position < candidates.Count; position++)
        {
            if (tokens![position] is { } token)
            {
                held.Add(candidates[position]);
                locked[requests[candidates[position]].Key] = token;
            }
        }

        try
        {
            if (!force && !await DropFreshAsync(requests, held, outcomes))
            {
                return outcomes;
            }

            // Each lock goes as soon as its entry is stored: users waiting on it wake without waiting for the whole pass.
            var computed = await computation.ComputeAndStorePassAsync(
                [.. held.Select(index => requests[index])], position => ReleaseAsync(requests[held[position]].Key, locked));
            for (var position = 0; position < held.Count; position++)
            {
                outcomes[held[position]] = new WarmOutcome(computed[position].Answer?.Result, computed[position].Error);
            }
        }
        finally
        {
            await Task.WhenAll(locked.Keys.ToList().Select(key => ReleaseAsync(key, locked)));
        }

        return outcomes;
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
    /// answer. Read again once the locks are held, for entries another replica stored in between.
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
            if (freshness.IsFresh(requests[candidates[position]], stored![position]))
            {
                outcomes[candidates[position]] = new WarmOutcome(CacheResult.Hit);
                fresh.Add(candidates[position]);
            }
        }

        candidates.RemoveAll(fresh.Contains);
        return true;
    }

    private static PendingPass PassOf(WidgetRequest request) =>
        new(request.StudyId, request.Definition.Layer, request.Definition.Dataset, request.DataVersion);
}
