using System.Text.Json;
using ZiggyCreatures.Caching.Fusion.Serialization;

namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>
/// FusionCache needs a serializer for its distributed layer and its serializer packages are not on this machine's mirror:
/// this is what its System.Text.Json package does.
/// </summary>
internal sealed class JsonFusionSerializer : IFusionCacheSerializer
{
    public byte[] Serialize<T>(T? obj) => JsonSerializer.SerializeToUtf8Bytes(obj);

    public T? Deserialize<T>(byte[] data) => JsonSerializer.Deserialize<T>(data);

    public ValueTask<byte[]> SerializeAsync<T>(T? obj, CancellationToken token = default) => ValueTask.FromResult(Serialize(obj));

    public ValueTask<T?> DeserializeAsync<T>(byte[] data, CancellationToken token = default) => ValueTask.FromResult(Deserialize<T>(data));
}
