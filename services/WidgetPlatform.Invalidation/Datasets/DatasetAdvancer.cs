using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Invalidation.Ledger;
using WidgetPlatform.Invalidation.Manifests;
using WidgetPlatform.Invalidation.Validation;

namespace WidgetPlatform.Invalidation.Datasets;

/// <summary>
/// DataUploaded and PipelineCompleted (docs/design.md §7): moves datasets of a layer to a new version — the Redis mirror by
/// compare-and-set, then the manifest on disk — and works out exactly which widgets read them.
/// </summary>
public sealed class DatasetAdvancer(
    MessageChecks checks,
    ManifestSeeding seeding,
    ManifestMirrorWriter mirror,
    InvalidationLedger ledger,
    ManifestFile manifestFile,
    DataStore store,
    IOptions<InvalidationOptions> options)
{
    /// <summary>
    /// Advances the datasets; null when nothing is news (every dataset already at this version or a newer one). Throws
    /// <see cref="InvalidationRejectedException"/> for a message that can never be handled.
    /// </summary>
    public async Task<DatasetChange?> AdvanceAsync(
        string? studyId, DatasetLayer layer, IReadOnlyList<string>? datasets, string? version, bool redelivered, CancellationToken cancellationToken)
    {
        var study = checks.Study(studyId);
        if (datasets is null || datasets.Count == 0)
        {
            throw new InvalidationRejectedException("The message names no dataset.");
        }

        foreach (var dataset in datasets)
        {
            checks.PublishedVersion(study, layer, dataset, version);
        }

        var names = datasets.Distinct(StringComparer.Ordinal).ToList();
        await seeding.EnsureSeededAsync(study, cancellationToken);
        var advances = (await InvalidationTelemetry.StepAsync("manifest.mirror.advance", () => mirror.AdvanceAsync(study, layer, names, version!, PassClaimWindow)))
            .ToDictionary(advance => advance.Dataset, StringComparer.Ordinal);
        var states = await InvalidationTelemetry.StepAsync(
            "ledger.read", () => ledger.ReadVersionsAsync(study, [.. names.Select(dataset => RedisKeys.ManifestField(layer, dataset))]));

        var changed = new List<string>();
        var previous = new List<string?>();
        for (var index = 0; index < names.Count; index++)
        {
            var advanced = advances.TryGetValue(names[index], out var advance);
            var (current, announced) = states[index];
            if (AnnounceRule.ShouldAnnounce(version!, advanced, current, announced, redelivered))
            {
                changed.Add(names[index]);
                previous.Add(advanced ? advance!.PreviousVersion : announced);
            }
        }

        if (changed.Count == 0)
        {
            return null;
        }

        await InvalidationTelemetry.StepAsync("manifest.file.sync", () => manifestFile.SyncAsync(study, cancellationToken));
        var widgets = (await InvalidationTelemetry.StepAsync("widgets.list", () => store.ListWidgetsAsync(study, cancellationToken)))
            .Where(widget => widget.Layer == layer && changed.Contains(widget.Dataset, StringComparer.Ordinal))
            .OrderBy(widget => widget.WidgetId, StringComparer.Ordinal)
            .ToList();
        var oldest = previous.Contains(null) ? null : previous.Min(StringComparer.Ordinal);
        return new DatasetChange(study, layer, changed, oldest, version!, widgets);
    }

    /// <summary>Records that the change was announced: a redelivery of its message is then a duplicate.</summary>
    public Task MarkAnnouncedAsync(DatasetChange change) =>
        ledger.MarkVersionsAsync(change.StudyId, [.. change.Datasets.Select(dataset => RedisKeys.ManifestField(change.Layer, dataset))], change.CurrentVersion);

    private TimeSpan? PassClaimWindow => options.Value.PassClaimWindow > TimeSpan.Zero ? options.Value.PassClaimWindow : null;
}
