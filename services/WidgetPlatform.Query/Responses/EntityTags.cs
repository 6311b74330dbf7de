using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Net.Http.Headers;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Query.Responses;

/// <summary>
/// Strong ETags derived from the cache key alone (docs/design.md §6). The key names the widget revision, data version and filter,
/// so a matching <c>If-None-Match</c> is answered 304 without reading the cached body at all.
/// </summary>
public static class EntityTags
{
    /// <summary>Keys are reused while their version is current (<see cref="CanonicalFilter.KeyFor"/>), so their tags are too.</summary>
    private static readonly ConditionalWeakTable<WidgetCacheKey, string> Tags = [];

    public static string For(WidgetCacheKey key) => Tags.GetValue(key, Compute);

    private static string Compute(WidgetCacheKey key)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(key.Value.Length)];
        var length = Encoding.UTF8.GetBytes(key.Value, utf8);
        return $"\"{XxHash3.HashToUInt64(utf8[..length]):x16}\"";
    }

    public static bool Matches(HttpRequest request, string entityTag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        foreach (var value in header)
        {
            if (value is null)
            {
                continue;
            }

            // Fast path: a browser sends back exactly the tag it was given.
            if (value == entityTag || value == "*")
            {
                return true;
            }

            if (EntityTagHeaderValue.TryParseList([value], out var tags) && tags.Any(tag => tag.Compare(new EntityTagHeaderValue(entityTag), useStrongComparison: true)))
            {
                return true;
            }
        }

        return false;
    }
}
