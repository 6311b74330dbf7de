namespace WidgetPlatform.Contracts;

/// <summary>A pipeline (or the upload endpoint) published a new version of a source dataset.</summary>
public sealed record DataUploaded
{
    public required string StudyId { get; init; }

    public required string Dataset { get; init; }

    /// <summary>The new version folder, <c>yyyy-MM-dd-HHmmss</c>[<c>-NNN</c>].</summary>
    public required string SourceVersion { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }

    public long? RowCount { get; init; }
}
