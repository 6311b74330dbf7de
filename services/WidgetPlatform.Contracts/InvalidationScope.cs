using System.Text.Json.Serialization;

namespace WidgetPlatform.Contracts;

/// <summary>What a <see cref="CacheInvalidated"/> covers; written in JSON as docs/design.md §7 spells it (<c>"dataset"</c>, not 1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InvalidationScope>))]
public enum InvalidationScope
{
    [JsonStringEnumMemberName("study")]
    Study,

    [JsonStringEnumMemberName("dataset")]
    Dataset,

    [JsonStringEnumMemberName("widget")]
    Widget,

    [JsonStringEnumMemberName("tags")]
    Tags,
}
