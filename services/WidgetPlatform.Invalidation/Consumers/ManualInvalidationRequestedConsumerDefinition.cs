namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-manual-invalidation-requested</c>.</summary>
public sealed class ManualInvalidationRequestedConsumerDefinition() : InvalidationConsumerDefinition<ManualInvalidationRequestedConsumer>("invalidation-manual-invalidation-requested");
