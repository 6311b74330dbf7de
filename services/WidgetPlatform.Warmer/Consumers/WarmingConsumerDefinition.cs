using MassTransit;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>
/// Warming is best effort: a failure (Redis away) is retried a few times, then the message goes to the error queue with its
/// reason, and the scheduled warm covers the gap. A few messages at once: each warm already computes in parallel.
/// </summary>
public sealed class WarmingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public WarmingConsumerDefinition() => ConcurrentMessageLimit = 2;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 2000));
}
