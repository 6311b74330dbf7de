using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// Bearer tokens that passed full validation, by their exact text, so that a token seen before skips it.
/// </summary>
/// <remarks>
/// Why: parsing a JWT and checking its signature and claims costs about 9% of the gateway's throughput on a cached
/// widget hit, and a dashboard sends the same token with every request. Safety rests on three rules:
/// only a token that passed full validation enters; a lookup matches the whole token ordinally, so a token that differs
/// in one character (a tampered payload or signature) misses and is validated, and rejected, in full; and an entry
/// expires at the token's <c>exp</c>, never later (no clock skew is added). The cache holds at most
/// <see cref="Capacity"/> entries: when full it drops expired entries, then a quarter of the rest. Lookups take a span
/// of the Authorization header, so a hit allocates nothing.
/// </remarks>
public sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly TimeProvider _time;
    private readonly Lock _makingRoom = new();
    private int _count;

    public ValidatedTokenCache(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _time = time;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The principal validated for exactly this token, while the token has not expired.</summary>
    public bool TryGet(ReadOnlySpan<char> token, [NotNullWhen(true)] out ClaimsPrincipal? principal)
    {
        if (_bySpan.TryGetValue(token, out var entry))
        {
            if (_time.GetUtcNow().UtcTicks < entry.ExpiresAtTicks)
            {
                principal = entry.Principal;
                return true;
            }

            Remove(entry);
        }

        principal = null;
        return false;
    }

    /// <summary>Remembers a token that has just passed full validation, until <paramref name="expiresAt"/> (its exp).</summary>
    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset expiresAt)
    {
        var now = _time.GetUtcNow();
        if (Capacity == 0 || expiresAt <= now)
        {
            return;
        }

        // Reserve a place first, so that concurrent adders can never take the cache past its capacity.
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            Interlocked.Decrement(ref _count);
            MakeRoom(now.UtcTicks);
            if (Interlocked.Increment(ref _count) > Capacity)
            {
                Interlocked.Decrement(ref _count);
                return;
            }
        }

        if (!_entries.TryAdd(token, new Entry(token, principal, expiresAt.UtcTicks)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private void MakeRoom(long nowTicks)
    {
        // One thread sweeps at a time; the others skip caching their token meanwhile, which only costs a validation.
        if (!_makingRoom.TryEnter())
        {
            return;
        }

        try
        {
            foreach (var (_, entry) in _entries)
            {
                if (entry.ExpiresAtTicks <= nowTicks)
                {
                    Remove(entry);
                }
            }

            var excess = Count - (Capacity - (Capacity / 4));
            foreach (var (_, entry) in _entries)
            {
                if (excess-- <= 0)
                {
                    break;
                }

                Remove(entry);
            }
        }
        finally
        {
            _makingRoom.Exit();
        }
    }

    private void Remove(Entry entry)
    {
        // Removes this entry only, not one that another request has added for the same token since.
        if (_entries.TryRemove(KeyValuePair.Create(entry.Token, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>A class, not a record: removal compares entries by reference.</summary>
    private sealed class Entry(string token, ClaimsPrincipal principal, long expiresAtTicks)
    {
        public string Token { get; } = token;

        public ClaimsPrincipal Principal { get; } = principal;

        public long ExpiresAtTicks { get; } = expiresAtTicks;
    }
}
