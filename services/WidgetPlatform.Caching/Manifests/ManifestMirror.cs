using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Manifests;

/// <summary>
/// The manifest's dataset versions as Redis holds them (one hash per study), read by gateways and the warmer. Only the
/// invalidation service writes it (its ManifestMirrorWriter), so every version change goes through one compare-and-set.
/// </summary>
public sealed class ManifestMirror(IConnectionMultiplexer redis)
{
    /// <summary>Every dataset version of the study, keyed by <see cref="RedisKeys.ManifestField"/>; empty when none is mirrored.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(string studyId)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(RedisKeys.Manifest(studyId));
        return entries.ToDictionary(entry => entry.Name.ToString(), entry => entry.Value.ToString(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> StudiesAsync()
    {
        var members = await redis.GetDatabase().SetMembersAsync(RedisKeys.Studies);
        return [.. members.Select(member => member.ToString())];
    }
}
