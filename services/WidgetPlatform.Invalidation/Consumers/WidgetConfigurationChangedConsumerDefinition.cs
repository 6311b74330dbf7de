namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-widget-configuration-changed</c>.</summary>
public sealed class WidgetConfigurationChangedConsumerDefinition() : InvalidationConsumerDefinition<WidgetConfigurationChangedConsumer>("invalidation-widget-configuration-changed");
