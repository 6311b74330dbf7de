using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.MicroBenchmarks;

/// <summary>The demo study's widgets' default views, computed once per process and rendered as the cached body.</summary>
public static class DemoAnswers
{
    private const string StudyId = "STUDY-001";

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Bodies = new(() => ComputeAsync().GetAwaiter().GetResult());

    /// <summary>Widget id → the body a hit sends, as Redis holds it after the entry's header.</summary>
    public static IReadOnlyDictionary<string, byte[]> ByWidget => Bodies.Value;

    private static async Task<IReadOnlyDictionary<string, byte[]>> ComputeAsync()
    {
        var root = Directory.CreateTempSubdirectory("widgetplatform-bench-");
        try
        {
            var store = new DataStore(root.FullName);
            await DemoDataGenerator.WriteStudyAsync(store, StudyId, new DemoDataOptions(), DateTime.UtcNow);
            var engine = new WidgetComputeEngine();
            var bodies = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var widget in await store.ListWidgetsAsync(StudyId))
            {
                var computation = await engine.ComputeAsync(store.ResolveDataset(StudyId, widget.Layer, widget.Dataset), widget, WidgetQuery.Unfiltered);
                var metadata = new CacheEntryMetadata
                {
                    Key = $"widget:{{{StudyId}}}:{widget.WidgetId}:v:0123456789abcdef",
                    CalculatedAt = DateTimeOffset.UtcNow,
                    DataVersion = "v",
                    TtlSeconds = 900,
                    CacheValueOffset = 0,
                };
                bodies[widget.WidgetId] = ResponseBody.Render(computation.SerializeData(), metadata, "{}"u8, 12.5, computation.RowsProcessed).Body.ToArray();
            }

            return bodies;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
