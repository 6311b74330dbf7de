namespace WidgetPlatform.Data.Storage;

/// <summary>A publish would not grow the version: versions only ever grow and published folders are immutable.</summary>
public sealed class DatasetVersionConflictException(string message) : Exception(message);
