using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Caching.Manifests;

/// <summary>
/// This process's view of every study's dataset versions, read on the hit path without a Redis round trip. It learns of
/// changes from CacheInvalidated (within milliseconds) and from a periodic re-read (the hard bound), and only ever moves
/// forward, so no answer carries a version older than one given before (G2).
/// </summary>
public sealed partial class CurrentVersions(ManifestMirror mirror, DataStore store, ILogger<CurrentVersions> logger)
{
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> _studies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _loads = new(StringComparer.Ordinal);

    public IEnumerable<string> KnownStudies => _studies.Keys;

    /// <summary>The study's versions as they are now, unchanged by what is learned later.</summary>
    public async ValueTask<StudyVersions> ViewAsync(string studyId) =>
        new(_studies.TryGetValue(studyId, out var versions) ? versions : await LoadAsync(studyId));

    /// <summary>Re-reads a study from Redis (falling back to its manifest on disk) and keeps what is newer.</summary>
    public async Task<FrozenDictionary<string, string>> RefreshAsync(string studyId)
    {
        IReadOnlyDictionary<string, string> fresh;
        try
        {
            fresh = await mirror.ReadAsync(studyId);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogMirrorUnavailable(logger, studyId, exception.Message);
            fresh = new Dictionary<string, string>();
        }

        if (fresh.Count == 0)
        {
            fresh = await ReadFromDiskAsync(studyId);
        }

        return Merge(studyId, fresh);
    }

    /// <summary>
    /// What a CacheInvalidated says of versions: the datasets it names at its version when it carries them (no Redis
    /// round trip), otherwise the study re-read.
    /// </summary>
    public async Task LearnAsync(string studyId, DatasetLayer? layer, IReadOnlyList<string>? datasets, string? version)
    {
        if (layer is not null && datasets is { Count: > 0 } && version is not null)
        {
            Advance(studyId, layer.Value, datasets, version);
        }
        else
        {
            await RefreshAsync(studyId);
        }
    }

    private void Advance(string studyId, DatasetLayer layer, IEnumerable<string> datasets, string version)
    {
        // A study not loaded yet is read whole on first use, and the mirror already holds this version (it is advanced
        // before the message is sent): recording only the datasets named here would hide the study's others.
        if (!_studies.ContainsKey(studyId))
        {
            return;
        }

        Merge(studyId, datasets.ToDictionary(dataset => RedisKeys.ManifestField(layer, dataset), _ => version, StringComparer.Ordinal));
    }

    private async Task<FrozenDictionary<string, string>> LoadAsync(string studyId)
    {
        var gate = _loads.GetOrAdd(studyId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (_studies.TryGetValue(studyId, out var loaded))
            {
                return loaded;
            }

            // The first read also takes the manifest on disk, newer of each: a Redis restored from an older snapshot must not
            // set a process that starts meanwhile back in time (the invalidation service moves the mirror forward within a
            // second). Later refreshes only move forward from here, so Redis alone suffices for them.
            await RefreshAsync(studyId);
            return Merge(studyId, await ReadFromDiskAsync(studyId));
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadFromDiskAsync(string studyId)
    {
        var manifest = await store.ReadManifestAsync(studyId);
        if (manifest is null)
        {
            return new Dictionary<string, string>();
        }

        return DatasetLayers.All
            .SelectMany(layer => manifest.Datasets.For(layer).Select(dataset => (Field: RedisKeys.ManifestField(layer, dataset.Key), dataset.Value)))
            .ToDictionary(pair => pair.Field, pair => pair.Value, StringComparer.Ordinal);
    }

    private FrozenDictionary<string, string> Merge(string studyId, IReadOnlyDictionary<string, string> fresh) =>
        _studies.AddOrUpdate(
            studyId,
            _ => fresh.ToFrozenDictionary(StringComparer.Ordinal),
            (_, known) =>
            {
                var merged = new Dictionary<string, string>(known, StringComparer.Ordinal);
                foreach (var (field, version) in fresh)
                {
                    if (!merged.TryGetValue(field, out var current) || DataVersion.Compare(version, current) > 0)
                    {
                        merged[field] = version;
                    }
                }

                return merged.ToFrozenDictionary(StringComparer.Ordinal);
            });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Manifest mirror of {StudyId} unreadable ({Reason}); using the manifest on disk")]
    private static partial void LogMirrorUnavailable(ILogger logger, string studyId, string reason);
}
