namespace WidgetPlatform.Invalidation;

public static class Extensions
{
    /// <summary>The invalidation service's dependencies, each read through the connection string named as its AppHost resource.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("cache");
        builder.AddMessageBus("messaging");
    }
}
