using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WidgetPlatform.Query.OpenApi;

/// <summary>
/// The build writes the OpenAPI document by running this program in a tool process (GetDocument.Insider) that starts the
/// host without a server. The document needs only the endpoints, so the tool gets placeholder settings for what
/// registration reads, and no background work: nothing connects to Redis or RabbitMQ, and the build does not wait for them.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsBeingGenerated => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void AddPlaceholderSettings(this IHostApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = "127.0.0.1:1",
            ["ConnectionStrings:messaging"] = "amqp://127.0.0.1:1",
            ["WidgetPlatform:DataRoot"] = Path.GetTempPath(),
            ["WidgetPlatform:Auth:Authority"] = "https://127.0.0.1:1",
            ["WidgetPlatform:Auth:Audience"] = "widgetplatform",
        });

    public static void RemoveBackgroundWork(this IHostApplicationBuilder builder) => builder.Services.RemoveAll<IHostedService>();
}
