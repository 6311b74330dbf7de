using WidgetPlatform.AppHost.Hosting;

namespace WidgetPlatform.AppHost;

/// <summary>The platform's resource model, shared by the AppHost and the integration-test host.</summary>
public static class WidgetPlatformModel
{
    public static DistributedApplicationBuilder AddWidgetPlatform(this DistributedApplicationBuilder builder)
    {
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");

        builder.AddProject("query")
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging);

        builder.AddProject("invalidation")
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging);

        builder.AddProject("warmer")
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging);

        if (builder.Options.DemoRows is { } demoRows)
        {
            builder.OnBeforeStart(cancellationToken => DemoStudy.WriteIfNoStudyAsync(builder.Options.DataDirectory, demoRows, cancellationToken));
        }

        return builder;
    }
}
