namespace WidgetPlatform.Contracts;

public enum InvalidationScope
{
    Study,
    Dataset,
    Widget,
    Tags,
}
