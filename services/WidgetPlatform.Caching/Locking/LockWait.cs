using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching.Locking;

/// <summary>How a wait on another process's stampede lock ended.</summary>
public enum LockWaitEnd
{
    /// <summary>The lock was free and is now ours (<see cref="LockWait.Token"/>).</summary>
    Acquired,

    /// <summary>The holder stored the entry that was waited for (<see cref="LockWait.Entry"/>).</summary>
    EntryArrived,

    /// <summary>The holder released the lock without storing it (<see cref="LockWaitMode.EntryOnly"/> only).</summary>
    HolderGone,

    /// <summary>Redis failed or the breaker opened.</summary>
    RedisUnreachable,

    /// <summary>Past the lock timeout and its grace: only when other processes took the freed lock first, holder after holder.</summary>
    TimedOut,
}

public readonly record struct LockWait(LockWaitEnd End, string? Token = null, CacheEntry? Entry = null);
