namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// The consumer queues of the platform's services (<see cref="ServiceQueueDefinition{TConsumer}"/>): named here once, for
/// their definitions and for whoever watches them, such as the gateway's alert on messages in their error queues.
/// </summary>
public static class ServiceQueues
{
    public const string DataUploaded = "invalidation-data-uploaded";
    public const string PipelineCompleted = "invalidation-pipeline-completed";
    public const string WidgetConfigurationChanged = "invalidation-widget-configuration-changed";
    public const string ManualInvalidationRequested = "invalidation-manual-invalidation-requested";
    public const string UploadedVersions = "warmer-uploaded-versions";
    public const string CacheInvalidated = "warmer-cache-invalidated";
    public const string WarmRequested = "warmer-warm-requested";

    public static readonly IReadOnlyList<string> All =
        [DataUploaded, PipelineCompleted, WidgetConfigurationChanged, ManualInvalidationRequested, UploadedVersions, CacheInvalidated, WarmRequested];

    /// <summary>Where MassTransit moves what a queue's consumer could not handle, with the reason in its headers.</summary>
    public static string ErrorQueue(string queue) => queue + "_error";
}
