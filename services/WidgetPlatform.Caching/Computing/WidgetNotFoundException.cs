namespace WidgetPlatform.Caching.Computing;

public sealed class WidgetNotFoundException(string studyId, string widgetId)
    : Exception($"Study '{studyId}' has no widget '{widgetId}'.");
