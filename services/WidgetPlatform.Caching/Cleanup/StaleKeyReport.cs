namespace WidgetPlatform.Caching.Cleanup;

/// <summary>What a cleanup pass found, and removed unless it was a dry run.</summary>
public sealed record StaleKeyReport(
    bool DryRun,
    long LocksExamined,
    long StaleLockCount,
    IReadOnlyList<StaleLock> StaleLocks,
    long IndexesExamined,
    long IndexMembersExamined,
    IReadOnlyList<DanglingIndexMembers> DanglingIndexes)
{
    public long DanglingMemberCount => DanglingIndexes.Sum(index => index.Count);
}

/// <summary>A lock that no live computation holds: no expiry (<paramref name="RemainingTtl"/> null), or one past the lock timeout.</summary>
public sealed record StaleLock(string Key, TimeSpan? RemainingTtl);

/// <summary>An index whose members name entries that no longer exist (expired or evicted), with a few of them as examples.</summary>
public sealed record DanglingIndexMembers(string IndexKey, long Count, IReadOnlyList<string> Examples);
