namespace WidgetPlatform.Query.Uploads;

/// <summary>Configuration section <c>WidgetPlatform:Uploads</c>.</summary>
public sealed class DatasetUploadOptions
{
    public const string Section = "WidgetPlatform:Uploads";

    /// <summary>The largest Parquet body accepted (the request-size metadata of the endpoint uses it).</summary>
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;
}
