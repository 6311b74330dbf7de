using System.Buffers.Binary;
using System.Text.Json;

namespace WidgetPlatform.Caching.Entries;

/// <summary>
/// One cached answer: the response body exactly as a hit sends it, plus its metadata. Stored in Redis as
/// <c>'W' 1 | int32 metadata length | metadata JSON | body</c>, so a hit is bytes in, bytes out: the body is a slice of what
/// Redis returned, never parsed or re-serialised.
/// </summary>
public sealed class CacheEntry
{
    private const byte Magic = (byte)'W';
    private const byte FormatVersion = 1;
    private const int PrefixLength = 2 + sizeof(int);

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
        var metadataJson = JsonSerializer.SerializeToUtf8Bytes(metadata, CachingJson.Metadata);
        var stored = new byte[PrefixLength + metadataJson.Length + body.Length];
        stored[0] = Magic;
        stored[1] = FormatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(stored.AsSpan(2), metadataJson.Length);
        metadataJson.CopyTo(stored.AsSpan(PrefixLength));
        body.CopyTo(stored.AsMemory(PrefixLength + metadataJson.Length));
        return new CacheEntry(metadata, stored.AsMemory(PrefixLength + metadataJson.Length), stored);
    }

    /// <summary>Reads stored bytes; null when they are not an entry of this format (an older format, or foreign data).</summary>
    public static CacheEntry? Read(ReadOnlyMemory<byte> stored)
    {
        var span = stored.Span;
        if (span.Length < PrefixLength || span[0] != Magic || span[1] != FormatVersion)
        {
            return null;
        }

        var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(span[2..]);
        if (metadataLength <= 0 || metadataLength > span.Length - PrefixLength)
        {
            return null;
        }

        try
        {
            var metadata = JsonSerializer.Deserialize<CacheEntryMetadata>(span.Slice(PrefixLength, metadataLength), CachingJson.Metadata);
            var body = stored[(PrefixLength + metadataLength)..];
            return metadata is not null && metadata.CacheValueOffset < body.Length
                ? new CacheEntry(metadata, body, stored)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
