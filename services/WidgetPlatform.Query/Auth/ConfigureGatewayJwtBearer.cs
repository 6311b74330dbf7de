using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using WidgetPlatform.Auth;

namespace WidgetPlatform.Query.Auth;

/// <summary>JwtBearer from <see cref="GatewayAuthOptions"/>: an OpenID Connect authority in production, the dev key otherwise.</summary>
internal sealed class ConfigureGatewayJwtBearer(IOptions<GatewayAuthOptions> gatewayOptions, CachingJwtBearerEvents events)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var auth = gatewayOptions.Value;
        options.Events = events;
        // Claims keep their JWT names (role, studies, sub) instead of being mapped to long SOAP-era URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = PlatformClaims.Subject,
            RoleClaimType = PlatformClaims.Role,
            ClockSkew = auth.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };

        if (auth.UsesAuthority)
        {
            options.Authority = auth.Authority;
            options.Audience = auth.Audience;
            options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            options.TokenValidationParameters.ValidAudience = auth.Audience;
            if (!string.IsNullOrWhiteSpace(auth.Issuer))
            {
                options.TokenValidationParameters.ValidIssuer = auth.Issuer;
            }
        }
        else
        {
            options.TokenValidationParameters.ValidIssuer = DevTokenIssuer.Issuer;
            options.TokenValidationParameters.ValidAudience = DevTokenIssuer.Audience;
            options.TokenValidationParameters.IssuerSigningKey = DevTokenIssuer.TryReadSigningKey(auth.SigningKey, out _);
            // Only what the key is for: a token claiming another algorithm is refused before its signature is checked.
            options.TokenValidationParameters.ValidAlgorithms = [DevTokenIssuer.Algorithm];
        }
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
