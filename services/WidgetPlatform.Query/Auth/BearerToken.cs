using Microsoft.AspNetCore.Http;

namespace WidgetPlatform.Query.Auth;

/// <summary>Reads the token of <c>Authorization: Bearer …</c> as JwtBearerHandler does, but as a span: no allocation.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static ReadOnlySpan<char> Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1)
        {
            return default;
        }

        var value = authorization[0].AsSpan();
        return value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? value[Scheme.Length..].Trim() : default;
    }
}
