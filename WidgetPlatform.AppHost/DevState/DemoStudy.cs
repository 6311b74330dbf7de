using System.Diagnostics;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.AppHost.DevState;

/// <summary>docs/design.md §8: on first run, a demo study (several datasets, a dozen widgets) so a newcomer sees live widgets at once.</summary>
public static class DemoStudy
{
    public const string StudyId = "STUDY-001";

    /// <summary>Adverse events are written in this many part files, as a pipeline would: every reader meets several files per version.</summary>
    private const int AdverseEventParts = 4;

    /// <summary>Writes the demo study unless some study under <paramref name="dataRoot"/> already has a manifest.</summary>
    public static async Task WriteIfNoStudyAsync(string dataRoot, int adverseEventRows, CancellationToken cancellationToken)
    {
        var store = new DataStore(dataRoot);
        foreach (var study in store.ListStudies())
        {
            if (await store.ReadManifestAsync(study, cancellationToken) is not null)
            {
                return;
            }
        }

        Console.WriteLine($"No study in {store.Root}: writing demo study {StudyId} ({adverseEventRows:N0} adverse events)…");
        var watch = Stopwatch.StartNew();
        var options = new DemoDataOptions
        {
            AdverseEventRows = adverseEventRows,
            RowsPerFile = Math.Max(1, (adverseEventRows + AdverseEventParts - 1) / AdverseEventParts),
        };
        var manifest = await DemoDataGenerator.WriteStudyAsync(store, StudyId, options, DateTime.UtcNow, cancellationToken);
        var datasets = manifest.Datasets.Source.Count + manifest.Datasets.Transformed.Count;
        Console.WriteLine($"Wrote demo study {StudyId}: {datasets} datasets, {DemoWidgets.All().Count} widgets in {watch.Elapsed.TotalSeconds:F1} s.");
    }
}
