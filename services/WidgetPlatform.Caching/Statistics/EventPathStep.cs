namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// The steps from an accepted upload to <c>version-changed</c> on an open SSE stream (docs/cache.md, "The event path"), in
/// the order an upload passes them. Spans of these names are in the traces; their durations travel with the messages to the
/// gateway, which records each in its statistics. Only these names are recorded, whatever a message's header says.
/// </summary>
public static class EventPathStep
{
    /// <summary>The uploading gateway publishing DataUploaded until the broker confirms it (the 202 follows).</summary>
    public const string UploadPublish = "upload.publish";

    /// <summary>DataUploaded (or PipelineCompleted) sent until the invalidation service starts consuming it.</summary>
    public const string QueueWait = "queue.wait";

    /// <summary>The manifest mirror's compare-and-set in Redis, with the read of what was announced before.</summary>
    public const string MirrorAdvance = "manifest.mirror.advance";

    /// <summary>The study's widget definitions read, to name the widgets the change invalidates.</summary>
    public const string WidgetsList = "widgets.list";

    /// <summary>CacheInvalidated sent until this gateway replica starts consuming it: publish, confirm, fan-out, delivery.</summary>
    public const string FanOutDelivery = "fanout.delivery";

    /// <summary>The gateway replica moving its version view forward.</summary>
    public const string VersionsLearn = "versions.learn";

    /// <summary>The <c>version-changed</c> event handed to every open SSE stream of the study.</summary>
    public const string EventsPublish = "events.publish";

    public static IReadOnlyList<string> All { get; } =
        [UploadPublish, QueueWait, MirrorAdvance, WidgetsList, FanOutDelivery, VersionsLearn, EventsPublish];

    public static bool IsKnown(string step) => All.Contains(step, StringComparer.Ordinal);
}
