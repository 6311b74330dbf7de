using WidgetPlatform.Caching;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Query.Responses;

/// <summary>
/// What a browser may do with a data answer (docs/design.md §6). A request naming the data version it wants (<c>v</c>) can
/// never change its answer, so the browser keeps it: <c>private, max-age=min(300 s, ttl class), immutable</c>. A request
/// without one is revalidated every time (<c>private, no-cache</c> and the ETag: a 304 without a body while nothing
/// changed), so a new version is seen at once instead of up to five minutes late.
/// </summary>
public sealed class BrowserCaching
{
    public const int BrowserTtlSeconds = 300;

    public const string Revalidate = "private, no-cache";

    private readonly Dictionary<TtlClass, string> _versioned;

    public BrowserCaching(WidgetCacheOptions options) =>
        _versioned = Enum.GetValues<TtlClass>().ToDictionary(
            ttlClass => ttlClass,
            ttlClass => $"private, max-age={Math.Min(BrowserTtlSeconds, options.Ttl(ttlClass))}, immutable");

    /// <param name="versioned">The request named the data version it is answered with.</param>
    public string CacheControl(TtlClass ttlClass, bool versioned) => versioned ? _versioned[ttlClass] : Revalidate;
}
