using System.Text.Json;

namespace WidgetPlatform.Caching;

internal static class CachingJson
{
    public static JsonSerializerOptions Metadata { get; } = new(JsonSerializerDefaults.Web);
}
