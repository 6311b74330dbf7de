using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Invalidation.Manifests;

/// <summary>
/// Mirrors manifests from disk into Redis (compare-and-set: a newer mirror is kept), so gateways find every study's versions
/// in Redis: all studies at startup, and a study first met in a message (added to the data root while running).
/// </summary>
public sealed partial class ManifestSeeding(DataStore store, ManifestMirrorWriter mirror, IConnectionMultiplexer redis, ILogger<ManifestSeeding> logger)
{
    private readonly ConcurrentDictionary<string, bool> _seeded = new(StringComparer.Ordinal);

    /// <summary>Seeds every study of the data root; a study whose manifest is unreadable is logged and skipped.</summary>
    public async Task SeedAllAsync(CancellationToken cancellationToken)
    {
        var studies = store.ListStudies();
        foreach (var study in studies)
        {
            try
            {
                await SeedAsync(study, cancellationToken);
            }
            catch (InvalidDataException exception)
            {
                LogUnreadableManifest(logger, study, exception.Message);
            }
        }

        LogSeeded(logger, studies.Count);
    }

    /// <summary>Seeds the study unless this process did, or Redis already lists it.</summary>
    public async Task EnsureSeededAsync(string studyId, CancellationToken cancellationToken)
    {
        if (_seeded.ContainsKey(studyId))
        {
            return;
        }

        if (await redis.GetDatabase().SetContainsAsync(RedisKeys.Studies, studyId))
        {
            _seeded[studyId] = true;
            return;
        }

        await SeedAsync(studyId, cancellationToken);
    }

    private async Task SeedAsync(string studyId, CancellationToken cancellationToken)
    {
        if (await store.ReadManifestAsync(studyId, cancellationToken) is { } manifest)
        {
            await mirror.SeedAsync(manifest with { StudyId = studyId });
        }

        _seeded[studyId] = true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Manifest mirror seeded from {Studies} studies on disk")]
    private static partial void LogSeeded(ILogger logger, int studies);

    [LoggerMessage(Level = LogLevel.Error, Message = "Manifest of {StudyId} not mirrored: {Reason}")]
    private static partial void LogUnreadableManifest(ILogger logger, string studyId, string reason);
}
