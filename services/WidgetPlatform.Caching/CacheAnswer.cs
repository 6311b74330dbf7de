using System.Buffers;
using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching;

/// <summary>An answer and where it came from.</summary>
public readonly record struct CacheAnswer(CacheEntry Entry, CacheResult Result)
{
    /// <summary>The response body's length: the stored body for a hit, else the same bytes with <see cref="Result"/> spliced in.</summary>
    public int BodyLength =>
        Result == CacheResult.Hit ? Entry.Body.Length : Entry.BodyBeforeCacheResult.Length + ResponseBody.Suffix(Result).Length;

    /// <summary>Copies the response body into <paramref name="writer"/>, nothing parsed or serialised.</summary>
    public void WriteBody(IBufferWriter<byte> writer)
    {
        if (Result == CacheResult.Hit)
        {
            writer.Write(Entry.Body.Span);
            return;
        }

        writer.Write(Entry.BodyBeforeCacheResult.Span);
        writer.Write(ResponseBody.Suffix(Result).Span);
    }
}
