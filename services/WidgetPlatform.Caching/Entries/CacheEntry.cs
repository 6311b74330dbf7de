using System.Buffers.Binary;
using System.Text;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Entries;

/// <summary>
/// One cached answer: the response body exactly as a hit sends it, plus its metadata. Stored in Redis as
/// <c>'W' 2 | int64 calculatedAt (UTC ticks) | int32 ttlSeconds | float64 queryTime | int64 rowsProcessed |
/// int32 cache-value offset | uint16 length + dataVersion | uint16 length + canonical filter | body</c> (little-endian,
/// strings UTF-8), so a hit is bytes in, bytes out: the body is a slice of what Redis returned, never parsed or
/// re-serialised, and the metadata is read field by field, without a JSON parser.
/// </summary>
/// <remarks>
/// Why binary: format 1 held the metadata as JSON, ~400 bytes per entry (the key again, property names, the canonical
/// filter escaped inside a string), and every Redis hit paid a JSON deserialisation for it. The key is not stored: whoever
/// reads an entry read it by its key.
/// </remarks>
public sealed class CacheEntry
{
    private const byte Magic = (byte)'W';
    private const byte FormatVersion = 2;
    private const int FixedHeaderLength = 2 + sizeof(long) + sizeof(int) + sizeof(double) + sizeof(long) + sizeof(int);

    private CacheEntry(CacheEntryMetadata metadata, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> stored)
    {
        Metadata = metadata;
        Body = body;
        Stored = stored;
    }

    public CacheEntryMetadata Metadata { get; }

    /// <summary>The response body of a hit: <c>{"data":…,"metadata":{…,"cache":"hit"}}</c>.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The bytes as Redis holds them.</summary>
    public ReadOnlyMemory<byte> Stored { get; }

    /// <summary>The body up to the <c>metadata.cache</c> value; the caller appends the result and <c>"}}</c>.</summary>
    public ReadOnlyMemory<byte> BodyBeforeCacheResult => Body[..Metadata.CacheValueOffset];

    public static CacheEntry Create(CacheEntryMetadata metadata, ReadOnlyMemory<byte> body)
    {
        var dataVersionLength = Encoding.UTF8.GetByteCount(metadata.DataVersion);
        var filterLength = Encoding.UTF8.GetByteCount(metadata.Filter);
        if (dataVersionLength > ushort.MaxValue || filterLength > ushort.MaxValue)
        {
            throw new ArgumentException("The data version and the canonical filter are each at most 65,535 UTF-8 bytes.", nameof(metadata));
        }

        var headerLength = FixedHeaderLength + sizeof(ushort) + dataVersionLength + sizeof(ushort) + filterLength;
        var stored = new byte[headerLength + body.Length];
        var span = stored.AsSpan();
        span[0] = Magic;
        span[1] = FormatVersion;
        var at = 2;
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], metadata.CalculatedAt.UtcTicks);
        at += sizeof(long);
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], metadata.TtlSeconds);
        at += sizeof(int);
        BinaryPrimitives.WriteDoubleLittleEndian(span[at..], metadata.QueryTime);
        at += sizeof(double);
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], metadata.RowsProcessed);
        at += sizeof(long);
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], metadata.CacheValueOffset);
        at += sizeof(int);
        at += WriteString(span[at..], metadata.DataVersion);
        at += WriteString(span[at..], metadata.Filter);
        body.Span.CopyTo(span[at..]);
        return new CacheEntry(metadata, stored.AsMemory(headerLength), stored);
    }

    /// <summary>
    /// Reads the stored bytes of <paramref name="key"/>; null when they are not an entry of this format (an older format,
    /// or foreign data).
    /// </summary>
    public static CacheEntry? Read(ReadOnlyMemory<byte> stored, WidgetCacheKey key)
    {
        var span = stored.Span;
        if (span.Length < FixedHeaderLength || span[0] != Magic || span[1] != FormatVersion)
        {
            return null;
        }

        var at = 2;
        var calculatedAtTicks = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
        at += sizeof(long);
        var ttlSeconds = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += sizeof(int);
        var queryTime = BinaryPrimitives.ReadDoubleLittleEndian(span[at..]);
        at += sizeof(double);
        var rowsProcessed = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
        at += sizeof(long);
        var cacheValueOffset = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += sizeof(int);
        if (!TryReadString(span, ref at, out var dataVersion) || !TryReadString(span, ref at, out var filter)
            || calculatedAtTicks < DateTimeOffset.MinValue.UtcTicks || calculatedAtTicks > DateTimeOffset.MaxValue.UtcTicks
            || cacheValueOffset < 0 || cacheValueOffset >= span.Length - at)
        {
            return null;
        }

        var metadata = new CacheEntryMetadata
        {
            Key = key.Value,
            CalculatedAt = new DateTimeOffset(calculatedAtTicks, TimeSpan.Zero),
            DataVersion = dataVersion,
            QueryTime = queryTime,
            RowsProcessed = rowsProcessed,
            Filter = filter,
            TtlSeconds = ttlSeconds,
            CacheValueOffset = cacheValueOffset,
        };
        return new CacheEntry(metadata, stored[at..], stored);
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, destination[sizeof(ushort)..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)length);
        return sizeof(ushort) + length;
    }

    private static bool TryReadString(ReadOnlySpan<byte> span, ref int at, out string value)
    {
        value = "";
        if (span.Length - at < sizeof(ushort))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
        at += sizeof(ushort);
        if (span.Length - at < length)
        {
            return false;
        }

        value = Encoding.UTF8.GetString(span.Slice(at, length));
        at += length;
        return true;
    }
}
