using System.Buffers.Binary;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Entries;

/// <summary>
/// One cached answer: the response body exactly as a hit sends it, plus what the cache must know of it. Stored in Redis
/// as <c>'W' 3 | int64 calculatedAt (UTC ticks) | int32 ttlSeconds | int32 cache-value offset | uint16 length +
/// canonical filter | body</c> (little-endian, UTF-8), so a hit is bytes in, bytes out: the body is a slice of what Redis
/// returned, never parsed or re-serialised, and the header is read field by field without allocating a string.
/// </summary>
/// <remarks>
/// Format 1 held the metadata as JSON (~400 bytes per entry); format 2 as binary, but with the data version, the query
/// time and the rows besides, which the key and the body already hold. DESIGN.md §5's metadata is all in the value still:
/// calculatedAt, dataVersion, queryTime and rowsProcessed in the body's metadata, the canonical filter in the header.
/// Whoever reads an entry read it by its key.
/// </remarks>
public sealed partial class CacheEntry
{
    private const byte Magic = (byte)'W';
    private const byte FormatVersion = 3;
    private const int FixedHeaderLength = 2 + sizeof(long) + sizeof(int) + sizeof(int) + sizeof(ushort);

    private CacheEntry(CacheEntryMetadata metadata, ReadOnlyMemory<byte> filter, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> stored)
    {
        Metadata = metadata;
        Filter = filter;
        Body = body;
        Stored = stored;
    }

    public CacheEntryMetadata Metadata { get; }

    /// <summary>The UTF-8 canonical filter the answer was computed for.</summary>
    public ReadOnlyMemory<byte> Filter { get; }

    /// <summary>The response body of a hit: <c>{"data":…,"metadata":{…,"cache":"hit"}}</c>.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The bytes as Redis holds them.</summary>
    public ReadOnlyMemory<byte> Stored { get; }

    /// <summary>The body up to the <c>metadata.cache</c> value; the caller appends the result and <c>"}}</c>.</summary>
    public ReadOnlyMemory<byte> BodyBeforeCacheResult => Body[..Metadata.CacheValueOffset];

    /// <summary>Whether this answer was computed for <paramref name="filter"/>: a hash collision can never answer.</summary>
    public bool Answers(CanonicalFilter filter) => Filter.Span.SequenceEqual(filter.Utf8);

    public static CacheEntry Create(CacheEntryMetadata metadata, ReadOnlySpan<byte> filter, ReadOnlyMemory<byte> body)
    {
        if (filter.Length > ushort.MaxValue)
        {
            throw new ArgumentException("The canonical filter is at most 65,535 UTF-8 bytes.", nameof(filter));
        }

        var headerLength = FixedHeaderLength + filter.Length;
        var stored = new byte[headerLength + body.Length];
        var span = stored.AsSpan();
        span[0] = Magic;
        span[1] = FormatVersion;
        var at = 2;
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], metadata.CalculatedAt.UtcTicks);
        at += sizeof(long);
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], metadata.TtlSeconds);
        at += sizeof(int);
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], metadata.CacheValueOffset);
        at += sizeof(int);
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)filter.Length);
        filter.CopyTo(span[FixedHeaderLength..]);
        body.Span.CopyTo(span[headerLength..]);
        return new CacheEntry(metadata, stored.AsMemory(FixedHeaderLength, filter.Length), stored.AsMemory(headerLength), stored);
    }

    /// <summary>
    /// Reads the stored bytes of <paramref name="key"/>; null when they are not an entry of this format (an older format,
    /// or foreign data).
    /// </summary>
    public static CacheEntry? Read(ReadOnlyMemory<byte> stored, WidgetCacheKey key)
    {
        var span = stored.Span;
        if (span.Length < FixedHeaderLength || span[0] != Magic || span[1] is not (FormatVersion or CompressedFormatVersion))
        {
            return null;
        }

        var at = 2;
        var calculatedAtTicks = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
        at += sizeof(long);
        var ttlSeconds = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += sizeof(int);
        var cacheValueOffset = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += sizeof(int);
        int filterLength = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
        var headerLength = FixedHeaderLength + filterLength;
        if (span[1] == CompressedFormatVersion)
        {
            return Decompress(span, headerLength) is { } decompressed ? Read(decompressed, key) : null;
        }

        if (span.Length <= headerLength
            || calculatedAtTicks < DateTimeOffset.MinValue.UtcTicks || calculatedAtTicks > DateTimeOffset.MaxValue.UtcTicks
            || cacheValueOffset < 0 || cacheValueOffset >= span.Length - headerLength)
        {
            return null;
        }

        var metadata = new CacheEntryMetadata
        {
            Key = key.Value,
            CalculatedAt = new DateTimeOffset(calculatedAtTicks, TimeSpan.Zero),
            DataVersion = key.DataVersion,
            TtlSeconds = ttlSeconds,
            CacheValueOffset = cacheValueOffset,
        };
        return new CacheEntry(metadata, stored.Slice(FixedHeaderLength, filterLength), stored[headerLength..], stored);
    }
}
