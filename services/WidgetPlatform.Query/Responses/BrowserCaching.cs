using WidgetPlatform.Caching;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Query.Responses;

/// <summary><c>Cache-Control: private, max-age=min(browserTtl, ttl class)</c> (docs/design.md §6), precomputed per TTL class.</summary>
public sealed class BrowserCaching
{
    public const int BrowserTtlSeconds = 300;

    private readonly Dictionary<TtlClass, string> _headers;

    public BrowserCaching(WidgetCacheOptions options) =>
        _headers = Enum.GetValues<TtlClass>().ToDictionary(
            ttlClass => ttlClass,
            ttlClass => $"private, max-age={Math.Min(BrowserTtlSeconds, options.Ttl(ttlClass))}");

    public string CacheControl(TtlClass ttlClass) => _headers[ttlClass];
}
