using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace WidgetPlatform.Query.Cors;

public static class GatewayCorsExtensions
{
    /// <summary>
    /// The default CORS policy from <see cref="GatewayCorsOptions"/>. Tokens travel in the Authorization header (or, for an
    /// EventSource, which cannot set headers, as <c>access_token</c>), never in cookies, so credentials are not allowed:
    /// a page on a listed origin can call every endpoint and read the events, and no other page can ride a user's session.
    /// </summary>
    public static void AddGatewayCors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayCorsOptions>().BindConfiguration(GatewayCorsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<GatewayCorsOptions>>((cors, configured) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(configured.Value.AllowedOrigins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                .WithHeaders("Authorization", "Content-Type", "If-None-Match", "Last-Event-ID")
                .WithExposedHeaders("ETag", "Location", "Retry-After")
                .SetPreflightMaxAge(configured.Value.PreflightMaxAge)));
    }
}
