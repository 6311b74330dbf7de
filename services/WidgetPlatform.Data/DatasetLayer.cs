namespace WidgetPlatform.Data;

public enum DatasetLayer
{
    Source,
    Transformed,
}
