namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Distinct string values seen by one worker, kept as its dense interned ids: a bit per id is set per row instead
/// of hashing. Bit sets are bounded per worker; past the budget an accumulator moves to a hash set of the same ids.
/// </summary>
internal sealed class DistinctIdSets(long maxBitSetBytes = 64L << 20)
{
    private long _bitSetBytes;

    public void Add(Accumulator accumulator, int id)
    {
        if (accumulator.DistinctIds is { } bits && id >> 6 < bits.Length)
        {
            bits[id >> 6] |= 1UL << id;
            return;
        }

        AddSlow(accumulator, id);
    }

    /// <summary>The ids an accumulator holds, from whichever form it is in.</summary>
    public static IEnumerable<int> Ids(Accumulator accumulator)
    {
        if (accumulator.DistinctIds is { } bits)
        {
            for (var word = 0; word < bits.Length; word++)
            {
                for (var remaining = bits[word]; remaining != 0; remaining &= remaining - 1)
                {
                    yield return (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(remaining);
                }
            }
        }

        if (accumulator.Distinct is { } set)
        {
            foreach (var id in set)
            {
                yield return (int)id;
            }
        }
    }

    private void AddSlow(Accumulator accumulator, int id)
    {
        if (accumulator.Distinct is null)
        {
            var current = accumulator.DistinctIds?.Length ?? 0;
            var words = Math.Max(Math.Max(current * 2, (id >> 6) + 1), 16);
            if (_bitSetBytes + ((words - current) * 8L) <= maxBitSetBytes)
            {
                _bitSetBytes += (words - current) * 8L;
                var bits = accumulator.DistinctIds ?? [];
                Array.Resize(ref bits, words);
                accumulator.DistinctIds = bits;
                bits[id >> 6] |= 1UL << id;
                return;
            }

            accumulator.Distinct = [.. Ids(accumulator).Select(known => (long)known)];
            _bitSetBytes -= current * 8L;
            accumulator.DistinctIds = null;
        }

        accumulator.Distinct.Add(id);
    }
}
