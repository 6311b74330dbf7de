using MassTransit;
using WidgetPlatform.Contracts;
using WidgetPlatform.Invalidation.Datasets;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>DataUploaded → the source dataset's version advances → the widgets reading it are invalidated.</summary>
public sealed partial class DataUploadedConsumer(DatasetAdvancer advancer, DatasetAnnouncer announcer, ILogger<DataUploadedConsumer> logger)
    : IConsumer<DataUploaded>
{
    public async Task Consume(ConsumeContext<DataUploaded> context)
    {
        InvalidationTelemetry.BeginSteps(context);
        var message = context.Message;
        var change = await advancer.AdvanceAsync(
            message.StudyId, DatasetLayer.Source, [message.Dataset], message.SourceVersion, context.IsRedelivery(), context.CancellationToken);
        if (change is null)
        {
            LogIgnored(logger, message.StudyId, message.Dataset, message.SourceVersion);
            return;
        }

        await announcer.AnnounceAsync(context, change, $"DataUploaded {message.Dataset} {message.SourceVersion}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DataUploaded {StudyId}/{Dataset} {Version} ignored: that version or a newer one is already current")]
    private static partial void LogIgnored(ILogger logger, string studyId, string dataset, string version);
}
