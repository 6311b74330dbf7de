namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-pipeline-completed</c>.</summary>
public sealed class PipelineCompletedConsumerDefinition() : InvalidationConsumerDefinition<PipelineCompletedConsumer>("invalidation-pipeline-completed");
