namespace WidgetPlatform.Caching.Cleanup;

/// <summary>What one <see cref="StaleKeyCleanup"/> pass looks at, and whether it removes or only reports.</summary>
public sealed record StaleKeyCleanupOptions
{
    /// <summary>Look at <c>lock:*</c> keys.</summary>
    public bool Locks { get; init; } = true;

    /// <summary>Look at the members of <c>index:*</c> sets.</summary>
    public bool IndexMembers { get; init; } = true;

    /// <summary>Report what would go, remove nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The longest a computation may hold a stampede lock, as the platform is configured (<see cref="WidgetCacheOptions.LockTimeout"/>):
    /// every lock the platform writes expires within it, so a lock with no expiry or a longer one was not written by a live
    /// computation. Required: a built-in default would delete live locks of a platform configured with a longer timeout.
    /// </summary>
    public required TimeSpan LockTimeout { get; init; }

    /// <summary>Every lock counts as stale, live ones too (<c>cleanup --force</c>): for a fleet wedged after a crash.</summary>
    public bool AllLocks { get; init; }

    /// <summary>Keys per SCAN step and members per SSCAN step (Redis's COUNT hint): bounds what one call holds Redis for.</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Stale locks named in the report at most; the count goes on past it.</summary>
    public int MaxListed { get; init; } = 1_000;
}
