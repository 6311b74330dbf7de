using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WidgetPlatform.Dashboard.Apis;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.Dashboard.Hosting;

internal static class DashboardApplication
{
    public static WebApplication Build(IResourceControl control, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardApplication).Assembly.GetName().Name,
        });

        // The dashboard runs inside the AppHost process: the AppHost's appsettings and environment
        // (urls, Kestrel, log levels) are meant for the AppHost, not for this server.
        builder.Configuration.Sources.Clear();
        builder.Services.AddSingleton<IHostLifetime, OwnerManagedLifetime>();

        // The AppHost console is shared with every child's output: only problems are worth a line there.
        builder.Logging.ClearProviders()
            .AddSimpleConsole(options => options.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        // A page on another site, or a DNS name rebound to 127.0.0.1, must not reach an API that stops processes.
        builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = ["127.0.0.1", "localhost"]);

        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context => context.ProblemDetails.Detail ??= context.Exception?.Message);
        builder.Services.AddSingleton(control);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseHostFiltering();
        app.MapResourcesApi();
        app.MapEmbeddedAssets();
        return app;
    }
}
