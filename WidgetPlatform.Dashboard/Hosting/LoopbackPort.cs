namespace WidgetPlatform.Dashboard.Hosting;

internal static class LoopbackPort
{
    /// <summary>The port of a plain-http loopback URL; anything else is refused because the dashboard can stop processes.</summary>
    public static int Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttp || !url.IsLoopback)
        {
            throw new ArgumentException($"The dashboard listens on plain http on 127.0.0.1 only, not on '{url}'.", nameof(url));
        }

        return url.Port;
    }
}
