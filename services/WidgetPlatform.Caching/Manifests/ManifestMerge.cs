using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Caching.Manifests;

/// <summary>
/// The disk manifest re-derived from the Redis mirror: each dataset takes the newer of the two versions, and
/// <c>current_version</c> of a layer follows its newest dataset, the version it replaces becoming <c>previous_version</c>
/// (docs/design.md §3). Never moves anything backwards, so replicas that write late write the same or a newer state.
/// </summary>
public static class ManifestMerge
{
    public static (StudyManifest Manifest, bool Changed) Merge(string studyId, StudyManifest? disk, IReadOnlyDictionary<string, string> mirror)
    {
        disk ??= new StudyManifest { StudyId = studyId };
        var source = Newer(disk.Datasets.Source, mirror, DatasetLayer.Source);
        var transformed = Newer(disk.Datasets.Transformed, mirror, DatasetLayer.Transformed);
        var (sourceCurrent, sourcePrevious) = Follow(disk.CurrentVersion.SourceData, disk.PreviousVersion.SourceData, source);
        var (transformedCurrent, transformedPrevious) = Follow(disk.CurrentVersion.TransformedData, disk.PreviousVersion.TransformedData, transformed);

        var changed = !SameVersions(source, disk.Datasets.Source)
            || !SameVersions(transformed, disk.Datasets.Transformed)
            || sourceCurrent != disk.CurrentVersion.SourceData
            || transformedCurrent != disk.CurrentVersion.TransformedData
            || disk.StudyId != studyId;
        if (!changed)
        {
            return (disk, false);
        }

        return (new StudyManifest
        {
            StudyId = studyId,
            CurrentVersion = new ManifestVersionPair { SourceData = sourceCurrent, TransformedData = transformedCurrent },
            PreviousVersion = new ManifestVersionPair { SourceData = sourcePrevious, TransformedData = transformedPrevious },
            Datasets = new ManifestDatasets { Source = source, Transformed = transformed },
        }, true);
    }

    private static SortedDictionary<string, string> Newer(
        IReadOnlyDictionary<string, string> disk, IReadOnlyDictionary<string, string> mirror, DatasetLayer layer)
    {
        var merged = new SortedDictionary<string, string>(disk.ToDictionary(), StringComparer.Ordinal);
        var prefix = RedisKeys.ManifestField(layer, string.Empty);
        foreach (var (field, version) in mirror)
        {
            if (field.StartsWith(prefix, StringComparison.Ordinal) && DataVersion.IsValid(version))
            {
                var dataset = field[prefix.Length..];
                if (!merged.TryGetValue(dataset, out var known) || DataVersion.Compare(version, known) > 0)
                {
                    merged[dataset] = version;
                }
            }
        }

        return merged;
    }

    /// <summary>The layer's current version is its newest dataset version; when that moves, the old one becomes previous.</summary>
    private static (string? Current, string? Previous) Follow(string? current, string? previous, IReadOnlyDictionary<string, string> datasets)
    {
        var newest = datasets.Values.Append(current).OfType<string>().Max(StringComparer.Ordinal);
        return newest == current ? (current, previous) : (newest, current ?? previous);
    }

    private static bool SameVersions(SortedDictionary<string, string> left, IReadOnlyDictionary<string, string> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var version) && version == pair.Value);
}
