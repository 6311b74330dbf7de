using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WidgetPlatform.Query.Auth;

/// <summary>The gateway's authentication, authorization and admin rate limit (docs/design.md §6).</summary>
public static class GatewayAuthExtensions
{
    /// <summary>JWT bearer from <c>WidgetPlatform:Auth</c> (startup fails when it is not configured), the role and study policies, the admin rate limit.</summary>
    public static IHostApplicationBuilder AddGatewayAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayAuthOptions>().BindConfiguration(GatewayAuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayAuthOptions>, GatewayAuthOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ValidatedTokenCache(
            provider.GetRequiredService<IOptions<GatewayAuthOptions>>().Value.TokenCacheSize,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CachingJwtBearerEvents>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureGatewayJwtBearer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.Decorate<IAuthenticationService, CachedTokenAuthenticationService>();

        services.AddAuthorization(GatewayPolicies.Add);
        services.Decorate<IPolicyEvaluator, GatewayPolicyEvaluator>();
        services.AddSingleton<IAuthorizationHandler, GatewayAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        services.AddProblemDetails();

        services.AddRateLimiter(options => options.AddPolicy<string, AdminRateLimiterPolicy>(GatewayPolicies.AdminRateLimit));
        return builder;
    }

    /// <summary>
    /// The standard authentication and authorization middlewares (their fast paths are in the services they call), then
    /// the rate limiter (which keys admin limits by the authenticated caller). Call it before anything that answers from a
    /// cache, so that a request is refused before it reaches one.
    /// </summary>
    public static WebApplication UseGatewayAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
