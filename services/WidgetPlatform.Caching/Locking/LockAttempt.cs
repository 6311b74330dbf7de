namespace WidgetPlatform.Caching.Locking;

/// <summary>How a request's try for an entry's stampede lock ended.</summary>
public enum LockAttempt
{
    /// <summary>The lock is now the caller's.</summary>
    Held,

    /// <summary>Another process holds it and is computing the entry.</summary>
    Taken,

    /// <summary>
    /// The entry's dataset version has a pass the warmer has not claimed yet: its scan will compute this entry, or it will
    /// claim the pass without it and the next try takes the lock.
    /// </summary>
    PassPending,
}
