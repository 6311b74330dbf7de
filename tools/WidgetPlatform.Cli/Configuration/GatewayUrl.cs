namespace WidgetPlatform.Cli.Configuration;

/// <summary>The gateway's base URL: absolute http or https, whatever its source (option, variable, resources file).</summary>
public static class GatewayUrl
{
    public static bool TryParse(string? text, out Uri url, out string error)
    {
        url = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the URL is empty";
            return false;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0)
        {
            error = $"'{text}' is not an http(s) URL such as http://127.0.0.1:5000";
            return false;
        }

        // A base address must end with '/', or relative paths replace its last segment (a gateway behind a path prefix).
        url = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed + "/");
        error = "";
        return true;
    }
}
