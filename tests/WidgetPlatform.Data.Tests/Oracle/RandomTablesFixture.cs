using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Data.Tests.Oracle;

/// <summary>Ten random tables shared by the oracle tests: empty, one row, small and a few thousand rows.</summary>
public sealed class RandomTablesFixture : IAsyncLifetime
{
    private static readonly int[] Sizes = [0, 1, 2, 17, 150, 600, 1_500, 3_000, 5_000, 8_000];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"wp-oracle-{Guid.NewGuid():N}");

    public List<(RandomTable Table, DatasetSnapshot Snapshot)> Tables { get; } = [];

    public async Task InitializeAsync()
    {
        for (var index = 0; index < Sizes.Length; index++)
        {
            var directory = Path.Combine(Directory, $"t{index}");
            var table = await RandomTable.CreateAsync(new Random(1000 + index), Sizes[index], directory);
            Tables.Add((table, new DatasetSnapshot("S", DatasetLayer.Source, "T", $"2024-01-01-00000{index}", directory, table.Files)));
        }
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
