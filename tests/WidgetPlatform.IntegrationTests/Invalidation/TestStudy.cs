using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>
/// A study of the test's own, written into the platform's data root: version folders (empty: the invalidation service
/// reads no Parquet), a manifest and widgets over three source and three transformed datasets. A fresh id per test keeps
/// tests apart on the shared platform.
/// </summary>
internal sealed class TestStudy
{
    public const string V1 = "2024-01-10-143000";
    public const string V2 = "2024-01-11-143000";
    public const string V3 = "2024-01-12-143000";

    private TestStudy(DataStore store, string id)
    {
        Store = store;
        Id = id;
    }

    public DataStore Store { get; }

    public string Id { get; }

    /// <summary>Widget id → (layer, dataset, tags).</summary>
    public static IReadOnlyDictionary<string, (DatasetLayer Layer, string Dataset, string[] Tags)> Widgets { get; } =
        new Dictionary<string, (DatasetLayer, string, string[])>
        {
            ["ae-count"] = (DatasetLayer.Source, "AE", ["safety"]),
            ["ae-serious"] = (DatasetLayer.Source, "AE", ["safety", "serious"]),
            ["dm-count"] = (DatasetLayer.Source, "DM", ["demographics"]),
            ["lb-count"] = (DatasetLayer.Source, "LB", []),
            ["ae-daily"] = (DatasetLayer.Transformed, "AE_DAILY", ["safety", "pipeline"]),
            ["ae-weekly"] = (DatasetLayer.Transformed, "AE_WEEKLY", ["pipeline"]),
            ["vs-summary"] = (DatasetLayer.Transformed, "VS_SUMMARY", []),
            // Same dataset name as a source one, other layer: a source change must not touch it.
            ["ae-transformed"] = (DatasetLayer.Transformed, "AE", []),
        };

    public static string DataRoot(AppHostTesting.TestPlatform host) => Path.Combine(host.StateDirectory, "data");

    public static TestStudy Create(AppHostTesting.TestPlatform host, string prefix = "INV", bool withWidgets = true)
    {
        var study = new TestStudy(new DataStore(DataRoot(host)), $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}");
        var source = new Dictionary<string, string> { ["AE"] = V1, ["DM"] = V1, ["LB"] = V1 };
        var transformed = new Dictionary<string, string> { ["AE_DAILY"] = V1, ["AE_WEEKLY"] = V1, ["VS_SUMMARY"] = V1, ["AE"] = V1 };
        foreach (var dataset in source.Keys)
        {
            study.Publish(DatasetLayer.Source, dataset, V1);
        }

        foreach (var dataset in transformed.Keys)
        {
            study.Publish(DatasetLayer.Transformed, dataset, V1);
        }

        study.Store.WriteManifest(new StudyManifest
        {
            StudyId = study.Id,
            CurrentVersion = new ManifestVersionPair { SourceData = V1, TransformedData = V1 },
            Datasets = new ManifestDatasets { Source = source, Transformed = transformed },
        });

        if (withWidgets)
        {
            foreach (var (widgetId, (layer, dataset, tags)) in Widgets)
            {
                study.Store.WriteWidget(study.Id, new WidgetDefinition
                {
                    WidgetId = widgetId,
                    Type = WidgetType.Metric,
                    Dataset = dataset,
                    Layer = layer,
                    Measure = new WidgetMeasure { Op = MeasureOp.Count },
                    Tags = tags,
                });
            }
        }

        return study;
    }

    /// <summary>Writes the version folder, as a pipeline does before it publishes its message.</summary>
    public void Publish(DatasetLayer layer, string dataset, string version) =>
        Directory.CreateDirectory(Path.Combine(Store.DatasetDirectory(Id, layer, dataset), version));

    public static IReadOnlyList<string> WidgetsReading(DatasetLayer layer, params string[] datasets) =>
        [.. Widgets.Where(pair => pair.Value.Layer == layer && datasets.Contains(pair.Value.Dataset)).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> WidgetsTagged(string tag) =>
        [.. Widgets.Where(pair => pair.Value.Tags.Contains(tag)).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    public async Task<StudyManifest> ReadManifestAsync() => (await Store.ReadManifestAsync(Id))!;
}
