namespace WidgetPlatform.Warmer;

public static class Extensions
{
    /// <summary>The warmer service's dependencies, each read through the connection string named as its AppHost resource.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("cache");
        builder.AddMessageBus("messaging");
    }
}
