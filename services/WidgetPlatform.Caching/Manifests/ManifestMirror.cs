using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Caching.Manifests;

/// <summary>
/// The manifest's dataset versions as Redis holds them (one hash per study). The invalidation service advances it; gateways
/// and the warmer read it. Versions only grow: an advance to an older or equal version changes nothing (compare-and-set).
/// </summary>
public sealed class ManifestMirror(IConnectionMultiplexer redis)
{
    // Sets each named field to the version unless it already holds that version or a newer one; returns, per field,
    // the version it held before when it advanced, or false when it did not.
    private static readonly LuaScript AdvanceScript = LuaScript.Prepare("""
        local results = {}
        for index, field in ipairs(cjson.decode(@fields)) do
          local current = redis.call('HGET', @manifest, field)
          if (not current) or current < @version then
            redis.call('HSET', @manifest, field, @version)
            results[index] = current or ''
          else
            results[index] = false
          end
        end
        redis.call('SADD', @studies, @studyId)
        return results
        """);

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

    /// <summary>
    /// Moves <paramref name="datasets"/> of <paramref name="layer"/> to <paramref name="version"/> where that is newer.
    /// Returns the datasets that advanced, with the version each had before (null when it had none).
    /// </summary>
    public async Task<IReadOnlyList<ManifestAdvance>> AdvanceAsync(string studyId, DatasetLayer layer, IReadOnlyList<string> datasets, string version)
    {
        var fields = datasets.Select(dataset => RedisKeys.ManifestField(layer, dataset)).ToArray();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(AdvanceScript, new
        {
            manifest = (RedisKey)RedisKeys.Manifest(studyId),
            studies = (RedisKey)RedisKeys.Studies,
            fields = System.Text.Json.JsonSerializer.Serialize(fields),
            version,
            studyId,
        });

        var previous = (RedisResult[])result!;
        var advanced = new List<ManifestAdvance>();
        for (var index = 0; index < datasets.Count; index++)
        {
            if (!previous[index].IsNull)
            {
                var before = previous[index].ToString();
                advanced.Add(new ManifestAdvance(datasets[index], before.Length == 0 ? null : before));
            }
        }

        return advanced;
    }

    /// <summary>Mirrors a manifest read from disk; fields already newer in Redis are kept.</summary>
    public async Task SeedAsync(StudyManifest manifest)
    {
        foreach (var layer in DatasetLayers.All)
        {
            foreach (var group in manifest.Datasets.For(layer).GroupBy(dataset => dataset.Value, StringComparer.Ordinal))
            {
                await AdvanceAsync(manifest.StudyId, layer, [.. group.Select(dataset => dataset.Key)], group.Key);
            }
        }
    }
}
