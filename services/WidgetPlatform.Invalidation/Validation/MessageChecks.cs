using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Invalidation.Validation;

/// <summary>What every message is checked against before it touches Redis or the disk; failures are rejections, not retries.</summary>
public sealed class MessageChecks(DataStore store)
{
    /// <summary>The study id is an identifier and the study has a folder under the data root.</summary>
    public string Study(string? studyId)
    {
        var id = Identifier(studyId, "studyId");
        if (!store.StudyExists(id))
        {
            throw new InvalidationRejectedException($"Study '{id}' does not exist under the data root.");
        }

        return id;
    }

    /// <summary>The dataset version was published: its folder exists, as a pipeline writes it before publishing (docs/design.md §3).</summary>
    public void PublishedVersion(string studyId, DatasetLayer layer, string? dataset, string? version)
    {
        var name = Identifier(dataset, "dataset");
        if (!DataVersion.IsValid(version))
        {
            throw new InvalidationRejectedException($"'{version}' is not a version string (yyyy-MM-dd-HHmmss[-NNN]).");
        }

        if (!store.VersionFolderExists(studyId, layer, name, version!))
        {
            throw new InvalidationRejectedException(
                $"Study '{studyId}' has no {DatasetLayers.Name(layer)} dataset '{name}' at version {version}: publish the version folder before the message.");
        }
    }

    public static string Identifier(string? value, string field) =>
        Data.Identifier.IsValid(value)
            ? value!
            : throw new InvalidationRejectedException($"{field} '{value}' is not an identifier (^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$).");

    /// <summary>The entry key at <paramref name="index"/> is one of the platform's, of <paramref name="studyId"/>.</summary>
    public static WidgetCacheKey EntryKey(string? value, string studyId, int index) =>
        WidgetCacheKey.ParseNamed(value) is { } key && key.StudyId == studyId
            ? key
            : throw new InvalidationRejectedException($"entryKeys[{index}] '{value}' is not an entry key of study '{studyId}' (widget:{{{studyId}}}:widgetId:version:hash).");

    /// <summary>The tag at <paramref name="index"/> by the one tag rule (<see cref="Data.Tag"/>), trimmed as it is announced.</summary>
    public static string Tag(string? value, int index) =>
        Data.Tag.FindError(value, $"tags[{index}]") is { } error ? throw new InvalidationRejectedException(error) : Data.Tag.Normalize(value!);
}
