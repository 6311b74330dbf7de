using Parquet.Schema;
using WidgetPlatform.Data.Demo;

namespace WidgetPlatform.Data.Tests.Oracle;

/// <summary>A random table with nulls, unicode and duplicates, written as several part files with random row-group sizes.</summary>
public sealed class RandomTable
{
    public static readonly string[] Cats = ["A", "B", "C", "ü", "日本", ""];
    public static readonly DateOnly FirstDay = new(2024, 1, 1);
    public const int Days = 120;

    public static ParquetSchema Schema { get; } = new(
        new DataField<string>("cat", true),
        new DataField<string>("name", true),
        new DataField<int?>("i32"),
        new DataField<long>("i64"),
        new DataField<double?>("dbl"),
        new DataField<bool?>("flag"),
        new DataField<DateOnly?>("day"),
        new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true));

    private RandomTable(IReadOnlyList<OracleRow> rows, IReadOnlyList<string> files)
    {
        Rows = rows;
        Files = files;
    }

    public IReadOnlyList<OracleRow> Rows { get; }

    public IReadOnlyList<string> Files { get; }

    public static async Task<RandomTable> CreateAsync(Random random, int rowCount, string directory)
    {
        Directory.CreateDirectory(directory);
        var names = Enumerable.Range(0, 1 + random.Next(60)).Select(index => $"n{index}-{(char)('α' + (index % 20))}").ToArray();
        var sorted = random.Next(2) == 0;
        var rows = Enumerable.Range(0, rowCount).Select(index =>
        {
            var dayOffset = sorted ? (int)((long)index * Days / Math.Max(1, rowCount)) : random.Next(Days);
            return new OracleRow(
                Maybe(random, 8, () => Cats[random.Next(Cats.Length)]),
                Maybe(random, 10, () => names[random.Next(names.Length)]),
                Maybe(random, 6, () => (int?)random.Next(-5, 40)),
                random.Next(-3, 1000) * (random.Next(20) == 0 ? 1_000_000_000L : 1),
                Maybe(random, 6, () => (double?)(random.Next(30) == 0 ? -0.0 : Math.Round((random.NextDouble() - 0.3) * 2000, 2))),
                Maybe(random, 7, () => (bool?)(random.Next(3) == 0)),
                Maybe(random, 12, () => (DateOnly?)FirstDay.AddDays(dayOffset)),
                Maybe(random, 12, () => (DateTime?)FirstDay.AddDays(dayOffset).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(random.Next(86_400 * 2) - 3600)));
        }).ToArray();

        var fileCount = rowCount == 0 ? 1 : 1 + random.Next(3);
        var files = new List<string>();
        var start = 0;
        for (var file = 0; file < fileCount; file++)
        {
            var end = file == fileCount - 1 ? rowCount : start + random.Next(rowCount - start + 1);
            var path = Path.Combine(directory, $"part-{file}.parquet");
            await using (var writer = await ParquetTableWriter.CreateAsync(path, Schema, CancellationToken.None))
            {
                var rowGroupSize = 1 + random.Next(Math.Max(1, end - start));
                for (var offset = start; offset < end || (offset == start && start == end); offset += rowGroupSize)
                {
                    var slice = rows.Skip(offset).Take(Math.Min(rowGroupSize, end - offset)).ToArray();
                    await writer.WriteRowGroupAsync(Columns(slice), CancellationToken.None);
                    if (start == end)
                    {
                        break;
                    }
                }
            }

            files.Add(path);
            start = end;
        }

        return new RandomTable(rows, files);
    }

    private static Array[] Columns(OracleRow[] rows) =>
    [
        rows.Select(row => row.Cat).ToArray(),
        rows.Select(row => row.Name).ToArray(),
        rows.Select(row => row.I32).ToArray(),
        rows.Select(row => row.I64).ToArray(),
        rows.Select(row => row.Dbl).ToArray(),
        rows.Select(row => row.Flag).ToArray(),
        rows.Select(row => row.Day).ToArray(),
        rows.Select(row => row.Ts).ToArray(),
    ];

    private static T? Maybe<T>(Random random, int oneNullIn, Func<T> value) => random.Next(oneNullIn) == 0 ? default : value();
}
