using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using WidgetPlatform.Auth;

namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>
/// The auth a peer app gets: standard JwtBearer validating the gateway's own dev tokens (same HS256 key, issuer, audience),
/// and the same rule as the gateway's — the route's study must be in the token's <c>studies</c> claim, or <c>*</c>.
/// </summary>
internal static class PeerAuth
{
    public const string StudyPolicy = "study";

    public const string DataRoute = "/api/studies/{studyId}/widgets/{widgetId}/data";

    public static void AddPeerAuth(this WebApplicationBuilder builder, string signingKey)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = DevTokenIssuer.Issuer,
                ValidAudience = DevTokenIssuer.Audience,
                IssuerSigningKey = DevTokenIssuer.TryReadSigningKey(signingKey, out _),
                ValidAlgorithms = [DevTokenIssuer.Algorithm],
                NameClaimType = PlatformClaims.Subject,
                RoleClaimType = PlatformClaims.Role,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(StudyPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(MaySeeStudy));
    }

    public static void UsePeerAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
    }

    private static bool MaySeeStudy(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http && http.GetRouteValue("studyId") is string study &&
        context.User.FindAll(PlatformClaims.Studies).Any(claim => claim.Value == study || claim.Value == PlatformClaims.AllStudies);
}
