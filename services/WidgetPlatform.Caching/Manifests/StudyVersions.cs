using System.Collections.Frozen;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.Caching.Manifests;

/// <summary>
/// Every dataset version of a study as this process knew them at one moment. It never changes: an answer about several
/// widgets resolved against one view never mixes two versions of a dataset, whatever arrives meanwhile.
/// </summary>
public readonly struct StudyVersions(FrozenDictionary<string, string> byField)
{
    /// <summary>The version of the dataset, or null when the study's manifest does not list it.</summary>
    public string? Of(DatasetLayer layer, string dataset) => byField.GetValueOrDefault(RedisKeys.ManifestField(layer, dataset));

    /// <summary>This view with <paramref name="datasets"/> at <paramref name="version"/>: what the study will read once they advance.</summary>
    public StudyVersions With(DatasetLayer layer, IEnumerable<string> datasets, string version)
    {
        var fields = new Dictionary<string, string>(byField, StringComparer.Ordinal);
        foreach (var dataset in datasets)
        {
            fields[RedisKeys.ManifestField(layer, dataset)] = version;
        }

        return new StudyVersions(fields.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
