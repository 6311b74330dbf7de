using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Caching.Locking;

/// <summary>
/// Waiting while another process holds an entry's stampede lock (G4), written once for its two users: a request that must
/// be answered, and a refresh-ahead that found the entry already being refreshed elsewhere. Wakes when the holder releases
/// the lock (<see cref="LockReleases"/>), or else polls with exponential back-off (<see cref="WidgetCacheOptions.LockFirstPoll"/>
/// to <see cref="WidgetCacheOptions.LockLongestPoll"/>), and never waits longer than the lock can be held. A request also
/// waits here while its version's pass is pending (<see cref="LockAttempt.PassPending"/>).
/// </summary>
public sealed class HolderWait(
    StampedeLock locks, LockReleases releases, RedisEntries entries, RedisCircuit circuit, CacheCounters counters, WidgetCacheOptions options, TimeProvider time)
{
    public async Task<LockWait> WaitAsync(WidgetRequest request, LockWaitMode mode, Func<CacheEntry, bool> wanted)
    {
        try
        {
            return await WaitForHolderAsync(request, mode, wanted);
        }
        finally
        {
            releases.Forget(request.Key);
        }
    }

    private async Task<LockWait> WaitForHolderAsync(WidgetRequest request, LockWaitMode mode, Func<CacheEntry, bool> wanted)
    {
        // A dead holder's lock expires at LockTimeout and a waiter takes it over; the grace covers that last poll.
        var deadline = time.GetUtcNow() + options.LockTimeout + options.LockGrace;
        var poll = options.LockFirstPoll;
        var counted = false;
        while (true)
        {
            var released = releases.Watch(request.Key);
            bool held;
            if (mode == LockWaitMode.TakeOverWhenFree)
            {
                var (reachable, attempt) = await circuit.TryAsync(() => locks.TryAcquireForRequestAsync(request));
                if (!reachable)
                {
                    return new LockWait(LockWaitEnd.RedisUnreachable);
                }

                if (attempt.Attempt == LockAttempt.Held)
                {
                    return new LockWait(LockWaitEnd.Acquired, Token: attempt.Token);
                }

                if (!counted)
                {
                    counters.RecordLockWait();
                    counted = true;
                }

                held = true;
            }
            else
            {
                // The lock before the entry: an entry read after the lock was seen released is the holder's last word.
                (_, held) = await circuit.TryAsync(() => locks.IsHeldAsync(request.Key));
            }

            await Task.WhenAny(released, Task.Delay(poll, time));
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, options.LockLongestPoll.Ticks));

            var (stillReachable, stored) = await circuit.TryAsync(() => entries.GetAsync(request.Key));
            if (!stillReachable)
            {
                return new LockWait(LockWaitEnd.RedisUnreachable);
            }

            if (stored is not null && wanted(stored))
            {
                return new LockWait(LockWaitEnd.EntryArrived, Entry: stored);
            }

            if (!held)
            {
                return new LockWait(LockWaitEnd.HolderGone);
            }

            if (time.GetUtcNow() > deadline)
            {
                return new LockWait(LockWaitEnd.TimedOut);
            }
        }
    }
}
