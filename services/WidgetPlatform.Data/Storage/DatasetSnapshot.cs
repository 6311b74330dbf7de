using WidgetPlatform.Contracts;

namespace WidgetPlatform.Data.Storage;

/// <summary>One published, immutable version folder of a dataset: the exact files a computation reads.</summary>
public sealed record DatasetSnapshot(
    string StudyId,
    DatasetLayer Layer,
    string Dataset,
    string Version,
    string Directory,
    IReadOnlyList<string> Files);
