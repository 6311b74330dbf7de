namespace WidgetPlatform.Data.Storage;

public sealed class DatasetNotFoundException(string message) : Exception(message);
