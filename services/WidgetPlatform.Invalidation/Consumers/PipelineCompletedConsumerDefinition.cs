using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-pipeline-completed</c>.</summary>
public sealed class PipelineCompletedConsumerDefinition(IOptions<ConsumerQueueOptions> options)
    : InvalidationConsumerDefinition<PipelineCompletedConsumer>(ServiceQueues.PipelineCompleted, options);
