using System.Collections.Concurrent;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Invalidation.Manifests;

/// <summary>
/// Advances the manifest mirror that gateways and the warmer read (<see cref="Caching.Manifests.ManifestMirror"/>). Versions
/// only grow: an advance to an older or equal version changes nothing (compare-and-set), whichever order messages arrive in.
/// </summary>
public sealed class ManifestMirrorWriter(IConnectionMultiplexer redis)
{
    /// <summary>Studies this process has listed in the <c>studies</c> set since it started.</summary>
    private readonly ConcurrentDictionary<string, bool> _listed = new(StringComparer.Ordinal);

    // Sets each named field to the version unless it already holds that version or a newer one; returns, per field,
    // {1, the version it held before} when it advanced, {0, the version it holds} when it did not ('' for none). With a
    // claim window, each advanced dataset's pass is marked pending in the same step, so no gateway can see the new version
    // without seeing the mark — unless the warmer already claimed that version's pass ahead (PendingPasses.ClaimAheadAsync):
    // then its locks are what gateways wait on. Also returns whether the manifest existed before: the global studies set is
    // another key, in another cluster slot, so it is written after the script (below).
    private static readonly LuaScript AdvanceScript = LuaScript.Prepare("""
        local existed = redis.call('EXISTS', @manifest)
        local results = {}
        local window = tonumber(@passClaimWindowMs)
        for index, field in ipairs(cjson.decode(@fields)) do
          local current = redis.call('HGET', @manifest, field)
          if (not current) or current < @version then
            redis.call('HSET', @manifest, field, @version)
            if window > 0 and redis.call('GET', @passPrefix .. field) ~= @claimedPrefix .. @version then
              redis.call('SET', @passPrefix .. field, @version, 'PX', window)
            end
            results[index] = {1, current or ''}
          else
            results[index] = {0, current}
          end
        end
        return {existed, results}
        """);

    /// <summary>
    /// Moves <paramref name="datasets"/> of <paramref name="layer"/> to <paramref name="version"/> where that is newer.
    /// Returns, per dataset in the order given, what the compare-and-set did.
    /// </summary>
    /// <param name="passClaimWindow">How long each advanced dataset's pass stays pending for the warmer to claim; none when null.</param>
    public async Task<IReadOnlyList<ManifestAdvance>> AdvanceAsync(
        string studyId, DatasetLayer layer, IReadOnlyList<string> datasets, string version, TimeSpan? passClaimWindow = null)
    {
        var (wasNew, outcomes) = await AdvanceMirrorAsync(studyId, layer, datasets, version, passClaimWindow);

        // Listed only once its manifest is mirrored (a listed study counts as seeded). Written when the manifest was new,
        // and once per process besides: a listing that failed after its advance (the set lives in another slot, which may
        // be failing over) is made good by the next advance, and an ordinary advance stays one round trip.
        if (wasNew || !_listed.ContainsKey(studyId))
        {
            await ListAsync(studyId);
        }

        return outcomes;
    }

    /// <summary>
    /// Mirrors a manifest read from disk; fields already newer in Redis are kept. Lists the study once every field is
    /// mirrored, whether or not the mirror was new: a service that stopped between an advance and its listing left it
    /// mirrored but unlisted.
    /// </summary>
    public async Task SeedAsync(StudyManifest manifest)
    {
        foreach (var layer in DatasetLayers.All)
        {
            foreach (var group in manifest.Datasets.For(layer).GroupBy(dataset => dataset.Value, StringComparer.Ordinal))
            {
                await AdvanceMirrorAsync(manifest.StudyId, layer, [.. group.Select(dataset => dataset.Key)], group.Key, passClaimWindow: null);
            }
        }

        await ListAsync(manifest.StudyId);
    }

    private async Task ListAsync(string studyId)
    {
        await redis.GetDatabase().SetAddAsync(RedisKeys.Studies, studyId);
        _listed[studyId] = true;
    }

    /// <summary>The compare-and-set; whether the study's mirror was new, and per dataset what it did.</summary>
    private async Task<(bool WasNew, IReadOnlyList<ManifestAdvance> Outcomes)> AdvanceMirrorAsync(
        string studyId, DatasetLayer layer, IReadOnlyList<string> datasets, string version, TimeSpan? passClaimWindow)
    {
        var fields = datasets.Select(dataset => RedisKeys.ManifestField(layer, dataset)).ToArray();
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(AdvanceScript, new
        {
            manifest = (RedisKey)RedisKeys.Manifest(studyId),
            fields = System.Text.Json.JsonSerializer.Serialize(fields),
            version,
            passPrefix = RedisKeys.PendingPassPrefix(studyId),
            claimedPrefix = PendingPasses.ClaimedPrefix,
            passClaimWindowMs = (long)(passClaimWindow?.TotalMilliseconds ?? 0),
        }))!;

        var outcomes = (RedisResult[])result[1]!;
        return ((int)result[0] == 0, [.. datasets.Select((dataset, index) =>
        {
            var outcome = (RedisResult[])outcomes[index]!;
            var before = outcome[1].ToString();
            return new ManifestAdvance(dataset, (int)outcome[0] == 1, before.Length == 0 ? null : before);
        })]);
    }
}
