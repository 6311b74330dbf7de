namespace WidgetPlatform.Caching.Locking;

/// <summary>What a process waiting on another's stampede lock wants from it.</summary>
public enum LockWaitMode
{
    /// <summary>The entry, and the lock itself should the holder free it without storing one: a request must be answered.</summary>
    TakeOverWhenFree,

    /// <summary>Only the holder's entry: a refresh-ahead that found another holder leaves the computing to it.</summary>
    EntryOnly,
}
