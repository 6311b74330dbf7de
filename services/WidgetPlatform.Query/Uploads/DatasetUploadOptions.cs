namespace WidgetPlatform.Query.Uploads;

/// <summary>Configuration section <c>WidgetPlatform:Uploads</c>.</summary>
public sealed class DatasetUploadOptions
{
    public const string Section = "WidgetPlatform:Uploads";

    /// <summary>The largest Parquet body accepted (the request-size metadata of the endpoint uses it).</summary>
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// How long an upload waits for the broker to confirm its announcement before answering 503. Without a bound, a publish
    /// made while the gateway's broker connection was gone waited for it to come back: an upload hung past its client's
    /// 100 s timeout when a cluster node was killed.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
