using MassTransit;
using WidgetPlatform.Contracts;
using WidgetPlatform.Invalidation.Datasets;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>PipelineCompleted → the listed transformed datasets advance → the widgets reading them are invalidated.</summary>
public sealed partial class PipelineCompletedConsumer(DatasetAdvancer advancer, DatasetAnnouncer announcer, ILogger<PipelineCompletedConsumer> logger)
    : IConsumer<PipelineCompleted>
{
    public async Task Consume(ConsumeContext<PipelineCompleted> context)
    {
        InvalidationTelemetry.BeginSteps(context);
        var message = context.Message;
        var change = await advancer.AdvanceAsync(
            message.StudyId, DatasetLayer.Transformed, message.Datasets, message.TransformedVersion, context.IsRedelivery(), context.CancellationToken);
        if (change is null)
        {
            LogIgnored(logger, message.StudyId, message.ScriptName, message.TransformedVersion);
            return;
        }

        await announcer.AnnounceAsync(context, change, $"PipelineCompleted {message.ScriptName} {message.TransformedVersion}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PipelineCompleted {StudyId} {ScriptName} {Version} ignored: that version or a newer one is already current")]
    private static partial void LogIgnored(ILogger logger, string studyId, string scriptName, string version);
}
