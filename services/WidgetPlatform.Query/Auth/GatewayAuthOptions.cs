namespace WidgetPlatform.Query.Auth;

/// <summary>
/// <c>WidgetPlatform:Auth</c>. Production names an OpenID Connect authority and the audience; development gives a
/// symmetric signing key instead (the AppHost sets <c>WidgetPlatform__Auth__SigningKey</c>). Exactly one of the two.
/// </summary>
public sealed class GatewayAuthOptions
{
    public const string Section = "WidgetPlatform:Auth";

    /// <summary>Production: the token issuer's base URL; its signing keys come from its OpenID Connect metadata.</summary>
    public string? Authority { get; set; }

    /// <summary>Production: the audience tokens must be issued for.</summary>
    public string? Audience { get; set; }

    /// <summary>Production: the expected <c>iss</c>, when it differs from what the authority's metadata says.</summary>
    public string? Issuer { get; set; }

    /// <summary>Production: refuse an authority reached over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Development: base64 HS256 key of at least 256 bits; tokens have issuer widgetplatform-dev, audience widgetplatform.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Tolerance for clocks that differ between the issuer and the gateway, when checking exp and nbf.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many validated tokens are remembered (see <see cref="ValidatedTokenCache"/>); 0 turns the cache off.</summary>
    public int TokenCacheSize { get; set; } = 10_000;

    public AdminRateLimitOptions AdminRateLimit { get; set; } = new();

    internal bool UsesAuthority => !string.IsNullOrWhiteSpace(Authority);

    internal bool UsesSigningKey => !string.IsNullOrWhiteSpace(SigningKey);
}
