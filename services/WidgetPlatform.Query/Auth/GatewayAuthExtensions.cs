using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WidgetPlatform.Query.Auth;

/// <summary>The gateway's authentication, authorization and admin rate limit (DESIGN.md §6).</summary>
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

        services.AddAuthorization(GatewayPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, GatewayAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        services.AddProblemDetails();

        services.AddRateLimiter(options => options.AddPolicy<string, AdminRateLimiterPolicy>(GatewayPolicies.AdminRateLimit));
        return builder;
    }

    /// <summary>
    /// Authentication and authorization (each with its validated-token fast path), then the rate limiter (which keys
    /// admin limits by the authenticated caller). Call it before anything that answers from a cache, so that a request is
    /// refused before it reaches one.
    /// </summary>
    public static WebApplication UseGatewayAuth(this WebApplication app)
    {
        // Tells WebApplication that authentication and authorization are in the pipeline (the keys UseAuthentication and
        // UseAuthorization set), so that it does not add the standard middlewares in front of ours, which wrap them.
        var properties = ((IApplicationBuilder)app).Properties;
        properties["__AuthenticationMiddlewareSet"] = true;
        properties["__AuthorizationMiddlewareSet"] = true;
        app.UseMiddleware<CachedBearerAuthenticationMiddleware>();
        app.UseMiddleware<GatewayAuthorizationMiddleware>();
        app.UseRateLimiter();
        return app;
    }
}
