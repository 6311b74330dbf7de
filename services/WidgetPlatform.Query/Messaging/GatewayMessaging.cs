using MassTransit;

namespace WidgetPlatform.Query.Messaging;

public static class GatewayMessaging
{
    /// <summary>
    /// The gateway's consumers are fan-out: each replica gets its own temporary queue (named by its instance), because every
    /// replica must drop its own in-process copies and feed its own SSE clients.
    /// </summary>
    public static void AddGatewayConsumers(this IBusRegistrationConfigurator bus, string instanceId)
    {
        bus.AddConsumer<CacheInvalidatedConsumer>().Endpoint(endpoint => FanOut(endpoint, instanceId));
        bus.AddConsumer<StudyCacheWarmedConsumer>().Endpoint(endpoint => FanOut(endpoint, instanceId));
    }

    private static void FanOut(IEndpointRegistrationConfigurator endpoint, string instanceId)
    {
        endpoint.InstanceId = instanceId;
        endpoint.Temporary = true;
    }
}
