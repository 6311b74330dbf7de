using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-widget-configuration-changed</c>.</summary>
public sealed class WidgetConfigurationChangedConsumerDefinition(IOptions<ConsumerQueueOptions> options)
    : InvalidationConsumerDefinition<WidgetConfigurationChangedConsumer>(ServiceQueues.WidgetConfigurationChanged, options);
