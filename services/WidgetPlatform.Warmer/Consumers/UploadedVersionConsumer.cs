using MassTransit;
using WidgetPlatform.Contracts;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>
/// A new dataset version, heard at the same moment as the invalidation service hears it: the warmer starts the version's
/// pass at once, while the manifest advances (docs/cache.md, "One pass per upload"). Best effort: the warm that the
/// announcement causes remains the guarantee, and the invalidation service is the one to judge a message (its error queue
/// gets the bad ones), so nothing here fails or retries.
/// </summary>
public sealed class UploadedVersionConsumer(AheadWarmer warmer) : IConsumer<DataUploaded>, IConsumer<PipelineCompleted>
{
    public Task Consume(ConsumeContext<DataUploaded> context) =>
        warmer.WarmAsync(context.Message.StudyId, DatasetLayer.Source, [context.Message.Dataset], context.Message.SourceVersion);

    public Task Consume(ConsumeContext<PipelineCompleted> context) =>
        warmer.WarmAsync(context.Message.StudyId, DatasetLayer.Transformed, context.Message.Datasets, context.Message.TransformedVersion);
}
