using System.Text.Json;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Storage;

/// <summary>
/// The data root of docs/design.md §3: manifests, published dataset versions and widget definitions.
/// Every identifier is validated before it becomes part of a path.
/// </summary>
public sealed class DataStore(string root)
{
    private const string TemporaryPrefix = ".tmp-";
    private readonly Lock _widgetWrites = new();

    public string Root { get; } = Path.GetFullPath(root);

    public string StudyDirectory(string studyId) => Path.Combine(Root, "studies", Identifier.Validate(studyId, "study"));

    public string DatasetDirectory(string studyId, DatasetLayer layer, string dataset) =>
        Path.Combine(StudyDirectory(studyId), DatasetLayers.Name(layer), Identifier.Validate(dataset, "dataset"));

    public bool StudyExists(string studyId) => Directory.Exists(StudyDirectory(studyId));

    /// <summary>Whether the folder of exactly this version was published (a pipeline writes it before its message).</summary>
    public bool VersionFolderExists(string studyId, DatasetLayer layer, string dataset, string version) =>
        Directory.Exists(Path.Combine(DatasetDirectory(studyId, layer, dataset), version));

    public IReadOnlyList<string> ListStudies()
    {
        var studies = Path.Combine(Root, "studies");
        return Directory.Exists(studies)
            ? [.. Directory.EnumerateDirectories(studies).Select(Path.GetFileName).OfType<string>().Where(Identifier.IsValid).Order(StringComparer.Ordinal)]
            : [];
    }

    public async Task<StudyManifest?> ReadManifestAsync(string studyId, CancellationToken cancellationToken = default)
    {
        var path = ManifestPath(studyId);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<StudyManifest>(bytes, StorageJson.Manifest)
                ?? throw new InvalidDataException($"Manifest '{path}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Manifest '{path}' is not a valid manifest: {exception.Message}", exception);
        }
    }

    /// <summary>Replaces the manifest atomically. The invalidation service is its single writer (docs/design.md §3).</summary>
    public void WriteManifest(StudyManifest manifest) =>
        StorageJson.WriteAtomically(ManifestPath(manifest.StudyId), JsonSerializer.SerializeToUtf8Bytes(manifest, StorageJson.Manifest));

    /// <summary>Published versions, oldest first; folders whose names are not versions (temporary ones) are ignored.</summary>
    public IReadOnlyList<string> ListVersions(string studyId, DatasetLayer layer, string dataset)
    {
        var directory = DatasetDirectory(studyId, layer, dataset);
        return Directory.Exists(directory)
            ? [.. Directory.EnumerateDirectories(directory).Select(Path.GetFileName).OfType<string>().Where(DataVersion.IsValid).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The data of <paramref name="dataset"/> as of <paramref name="asOfVersion"/>: its newest version folder ≤ that version (newest of all when null).</summary>
    public DatasetSnapshot ResolveDataset(string studyId, DatasetLayer layer, string dataset, string? asOfVersion = null)
    {
        var version = ListVersions(studyId, layer, dataset)
            .LastOrDefault(candidate => asOfVersion is null || DataVersion.Compare(candidate, asOfVersion) <= 0)
            ?? throw new DatasetNotFoundException(
                $"Study '{studyId}' has no {DatasetLayers.Name(layer)} version of dataset '{dataset}'{(asOfVersion is null ? "" : $" at or before {asOfVersion}")}.");
        var directory = Path.Combine(DatasetDirectory(studyId, layer, dataset), version);
        var files = Directory.EnumerateFiles(directory, "*.parquet").Order(StringComparer.Ordinal).ToArray();
        return new DatasetSnapshot(studyId, layer, dataset, version, directory, files);
    }

    /// <summary>A new version for the dataset: "now", but always greater than every published one.</summary>
    public string NextVersion(string studyId, DatasetLayer layer, string dataset, DateTime utcNow) =>
        DataVersion.Next(utcNow, LatestVersion(studyId, layer, dataset));

    public string? LatestVersion(string studyId, DatasetLayer layer, string dataset)
    {
        var versions = ListVersions(studyId, layer, dataset);
        return versions.Count > 0 ? versions[^1] : null;
    }

    /// <summary>
    /// Publishes a version: <paramref name="writeFiles"/> fills a temporary folder, which is then renamed into place,
    /// so no reader ever sees a partly written version.
    /// </summary>
    public async Task<DatasetSnapshot> PublishDatasetVersionAsync(
        string studyId,
        DatasetLayer layer,
        string dataset,
        string version,
        Func<string, CancellationToken, Task> writeFiles,
        CancellationToken cancellationToken = default)
    {
        if (!DataVersion.IsValid(version))
        {
            throw new ArgumentException($"'{version}' is not a version string (yyyy-MM-dd-HHmmss[-NNN]).", nameof(version));
        }

        var datasetDirectory = DatasetDirectory(studyId, layer, dataset);
        EnsureGrows(studyId, layer, dataset, version);
        Directory.CreateDirectory(datasetDirectory);
        var temporary = Path.Combine(datasetDirectory, $"{TemporaryPrefix}{version}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            await writeFiles(temporary, cancellationToken);
            EnsureGrows(studyId, layer, dataset, version);
            Directory.Move(temporary, Path.Combine(datasetDirectory, version));
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }

        return ResolveDataset(studyId, layer, dataset, version);
    }

    /// <remarks>
    /// Read synchronously: definitions are a kilobyte each, and on Linux an asynchronous file read is a synchronous one on
    /// another pool thread — sixteen of them were sixteen thread hops on the invalidation service's path to its announcement.
    /// </remarks>
    public Task<IReadOnlyList<WidgetDefinition>> ListWidgetsAsync(string studyId, CancellationToken cancellationToken = default)
    {
        var directory = WidgetDirectory(studyId);
        if (!Directory.Exists(directory))
        {
            return Task.FromResult<IReadOnlyList<WidgetDefinition>>([]);
        }

        var widgets = new List<WidgetDefinition>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Identifier.IsValid(Path.GetFileNameWithoutExtension(path)))
            {
                widgets.Add(WidgetJson.Deserialize(File.ReadAllBytes(path), path));
            }
        }

        return Task.FromResult<IReadOnlyList<WidgetDefinition>>(widgets);
    }

    public async Task<WidgetDefinition?> ReadWidgetAsync(string studyId, string widgetId, CancellationToken cancellationToken = default)
    {
        var path = WidgetPath(studyId, widgetId);
        return File.Exists(path) ? WidgetJson.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken), path) : null;
    }

    /// <summary>
    /// Validates and stores the definition with the revision after the stored one, or after the deletion's when the widget
    /// was deleted (1 for a widget never seen); returns what was stored.
    /// </summary>
    public WidgetDefinition WriteWidget(string studyId, WidgetDefinition definition)
    {
        WidgetDefinitionValidator.Validate(definition);
        var path = WidgetPath(studyId, definition.WidgetId);
        lock (_widgetWrites)
        {
            var stored = definition with { Revision = LastRevision(studyId, definition.WidgetId) + 1 };
            StorageJson.WriteAtomically(path, WidgetJson.Serialize(stored));
            File.Delete(TombstonePath(studyId, definition.WidgetId));
            return stored;
        }
    }

    /// <summary>
    /// Deletes the widget and returns the revision its deletion counts as (the stored one plus one), or null when there is
    /// no such widget. A tombstone keeps that revision, so a widget created again under the same id continues after it:
    /// its keys never repeat the old widget's, and its configuration change is never taken for an old one (design.md §7).
    /// </summary>
    public int? DeleteWidget(string studyId, string widgetId)
    {
        var path = WidgetPath(studyId, widgetId);
        lock (_widgetWrites)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var deletion = LastRevision(studyId, widgetId) + 1;
            StorageJson.WriteAtomically(TombstonePath(studyId, widgetId), JsonSerializer.SerializeToUtf8Bytes(deletion));
            File.Delete(path);
            return deletion;
        }
    }

    /// <summary>The stored widget's revision, else its deletion's, else 0.</summary>
    private int LastRevision(string studyId, string widgetId)
    {
        var path = WidgetPath(studyId, widgetId);
        if (File.Exists(path))
        {
            return WidgetJson.Deserialize(File.ReadAllBytes(path), path).Revision;
        }

        var tombstone = TombstonePath(studyId, widgetId);
        return File.Exists(tombstone) ? JsonSerializer.Deserialize<int>(File.ReadAllBytes(tombstone)) : 0;
    }

    /// <summary>Beside the definitions, with an extension their listing skips.</summary>
    private string TombstonePath(string studyId, string widgetId) =>
        Path.Combine(WidgetDirectory(studyId), Identifier.Validate(widgetId, "widget") + ".deleted");

    private string ManifestPath(string studyId) => Path.Combine(StudyDirectory(studyId), "manifest.json");

    private string WidgetDirectory(string studyId) => Path.Combine(StudyDirectory(studyId), "widgets");

    private string WidgetPath(string studyId, string widgetId) =>
        Path.Combine(WidgetDirectory(studyId), Identifier.Validate(widgetId, "widget") + ".json");

    private void EnsureGrows(string studyId, DatasetLayer layer, string dataset, string version)
    {
        var latest = LatestVersion(studyId, layer, dataset);
        if (latest is not null && DataVersion.Compare(version, latest) <= 0)
        {
            throw new DatasetVersionConflictException(
                $"Version {version} of {studyId}/{DatasetLayers.Name(layer)}/{dataset} is not newer than the published {latest}.");
        }
    }
}
