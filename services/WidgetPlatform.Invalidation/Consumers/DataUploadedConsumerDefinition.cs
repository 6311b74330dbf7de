using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-data-uploaded</c>.</summary>
public sealed class DataUploadedConsumerDefinition(IOptions<ConsumerQueueOptions> options)
    : InvalidationConsumerDefinition<DataUploadedConsumer>(ServiceQueues.DataUploaded, options);
