namespace WidgetPlatform.Query;

public static class Extensions
{
    /// <summary>The query service's dependencies, each read through the connection string named as its AppHost resource.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("cache");
        builder.AddMessageBus("messaging");
    }
}
