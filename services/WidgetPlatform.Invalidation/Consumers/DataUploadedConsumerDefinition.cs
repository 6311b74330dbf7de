namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-data-uploaded</c>.</summary>
public sealed class DataUploadedConsumerDefinition() : InvalidationConsumerDefinition<DataUploadedConsumer>("invalidation-data-uploaded");
