using Microsoft.Extensions.Options;
using WidgetPlatform.Auth;

namespace WidgetPlatform.Query.Auth;

/// <summary>Stops the gateway at startup, with what to set, when it could not authenticate anyone correctly.</summary>
internal sealed class GatewayAuthOptionsValidator : IValidateOptions<GatewayAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayAuthOptions options)
    {
        var failures = new List<string>();
        switch (options.UsesAuthority, options.UsesSigningKey)
        {
            case (false, false):
                failures.Add(
                    $"Gateway authentication is not configured. Set {GatewayAuthOptions.Section}:Authority and " +
                    $"{GatewayAuthOptions.Section}:Audience (production: an OpenID Connect issuer), or " +
                    $"{GatewayAuthOptions.Section}:SigningKey (development: a base64 key of at least " +
                    $"{DevTokenIssuer.MinimumKeyBytes * 8} bits; the AppHost sets WidgetPlatform__Auth__SigningKey).");
                break;
            case (true, true):
                failures.Add(
                    $"Both {GatewayAuthOptions.Section}:Authority and {GatewayAuthOptions.Section}:SigningKey are set: " +
                    "configure one, so that development tokens are never accepted next to production ones.");
                break;
            case (true, false) when string.IsNullOrWhiteSpace(options.Audience):
                failures.Add($"{GatewayAuthOptions.Section}:Audience is required with {GatewayAuthOptions.Section}:Authority.");
                break;
            case (false, true) when DevTokenIssuer.TryReadSigningKey(options.SigningKey, out var error) is null:
                failures.Add($"{GatewayAuthOptions.Section}:SigningKey is unusable: {error}");
                break;
        }

        if (options.TokenCacheSize < 0)
        {
            failures.Add($"{GatewayAuthOptions.Section}:TokenCacheSize must be 0 (off) or more.");
        }

        if (options.AdminRateLimit.PermitLimit < 1 || options.AdminRateLimit.Window <= TimeSpan.Zero)
        {
            failures.Add($"{GatewayAuthOptions.Section}:AdminRateLimit needs a PermitLimit of at least 1 and a positive Window.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
