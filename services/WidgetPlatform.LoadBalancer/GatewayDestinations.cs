namespace WidgetPlatform.LoadBalancer;

public static class GatewayDestinations
{
    private const string FileKey = "WidgetPlatform:LoadBalancer:DestinationsFile";

    /// <summary>
    /// The gateway replicas to balance over, from the JSON file <c>WidgetPlatform:LoadBalancer:DestinationsFile</c> names
    /// (<c>ReverseProxy:Clusters:gateways:Destinations</c>): the AppHost rewrites it whenever a replica starts on a new
    /// address, and YARP takes the change without a restart. Which destinations are healthy is YARP's own active and
    /// passive health checking (appsettings.json), not this file's.
    /// </summary>
    public static void AddGatewayDestinations(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration[FileKey]
            ?? throw new InvalidOperationException($"{FileKey} is not set: the load balancer needs the file that lists the gateway replicas.");
        builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: true);
    }
}
