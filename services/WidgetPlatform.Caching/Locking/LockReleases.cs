using System.Collections.Concurrent;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Locking;

/// <summary>
/// Releases of stampede locks, pushed: every release publishes the lock's key (<see cref="StampedeLock.ReleaseAsync"/>), so a
/// waiter wakes the moment the holder's entry is stored instead of at its next poll. The poll stays as the fallback for a
/// lost message or a holder that died (its lock expires without a release).
/// </summary>
public sealed class LockReleases(IConnectionMultiplexer redis)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _watched = new(StringComparer.Ordinal);
    private int _subscribed;

    /// <summary>
    /// A task that completes at the next release of the key's lock heard here. Watch before looking at the lock, so that a
    /// release between the look and the wait is not missed; <see cref="Forget"/> it when done waiting.
    /// </summary>
    public Task Watch(WidgetCacheKey key)
    {
        EnsureSubscribed();
        return _watched.GetOrAdd(RedisKeys.Lock(key), static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    /// <summary>Stops watching: a lock that expires instead of being released would otherwise be watched for ever.</summary>
    public void Forget(WidgetCacheKey key)
    {
        if (_watched.TryRemove(RedisKeys.Lock(key), out var waiters))
        {
            // Another waiter on the same key, if any, wakes and watches again.
            waiters.TrySetResult();
        }
    }

    private void EnsureSubscribed()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        // One round trip, once per process; the multiplexer restores the subscription after a reconnect. Should it fail
        // (Redis away), the next watch tries again and the waiters poll meanwhile.
        redis.GetSubscriber()
            .SubscribeAsync(RedisKeys.LockReleasedChannel, (_, lockKey) => Forget(lockKey.ToString()))
            .ContinueWith(_ => Volatile.Write(ref _subscribed, 0), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private void Forget(string lockKey)
    {
        if (_watched.TryRemove(lockKey, out var waiters))
        {
            waiters.TrySetResult();
        }
    }
}
