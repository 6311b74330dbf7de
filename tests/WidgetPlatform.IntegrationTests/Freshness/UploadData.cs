using WidgetPlatform.Data.Demo;

namespace WidgetPlatform.IntegrationTests.Freshness;

/// <summary>Parquet bodies for uploads: demo AE rows with a fresh seed, so every upload changes the answers.</summary>
public static class UploadData
{
    public static async Task<byte[]> AdverseEventsAsync(int rows = 5_000)
    {
        var folder = Directory.CreateTempSubdirectory("widgetplatform-upload-");
        try
        {
            await DemoDataGenerator.WriteAdverseEventsAsync(folder.FullName, new DemoDataOptions { AdverseEventRows = rows, Seed = Random.Shared.Next() });
            return await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "part-00000.parquet"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
