using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Runs plans over a version's files in one pass: row groups are shared out to one worker per core, each column any plan
/// reads is decoded once per row group, and the workers are merged in a fixed order.
/// </summary>
internal static class ParquetScanner
{
    public static async Task<ScanResult> ScanAsync(IReadOnlyList<string> files, ScanPlan plan, int maxParallelism, CancellationToken cancellationToken) =>
        (await ScanAsync(files, [plan], maxParallelism, cancellationToken))[0];

    /// <param name="plans">Plans sharing one column list (see <see cref="ScanPlan.Create"/>); one result per plan, in order.</param>
    public static async Task<ScanResult[]> ScanAsync(IReadOnlyList<string> files, IReadOnlyList<ScanPlan> plans, int maxParallelism, CancellationToken cancellationToken)
    {
        var columns = plans[0].Columns;
        var units = new List<(int File, int RowGroup)>();
        var fields = new DataField[files.Count][];
        for (var fileIndex = 0; fileIndex < files.Count; fileIndex++)
        {
            await using var reader = await ParquetFiles.OpenAsync(files[fileIndex], cancellationToken);
            fields[fileIndex] = ParquetFiles.FieldsFor(reader.Schema, columns, files[fileIndex]);
            for (var rowGroup = 0; rowGroup < reader.RowGroupCount; rowGroup++)
            {
                var group = reader.OpenRowGroupReader(rowGroup);
                if (group.RowCount == 0 || plans.All(plan => CanSkip(plan, group, fields[fileIndex])))
                {
                    continue;
                }

                units.Add((fileIndex, rowGroup));
            }
        }

        var workers = new ScanWorker[Math.Clamp(Math.Min(maxParallelism, units.Count), 1, int.MaxValue)];
        try
        {
            return await ScanUnitsAsync(files, fields, units, workers, plans, maxParallelism, cancellationToken);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker?.ReturnBuffers();
            }
        }
    }

    private static bool CanSkip(ScanPlan plan, ParquetRowGroupReader group, DataField[] fields) =>
        plan.HasRange && plan.TimeColumn >= 0 && RowGroupPruning.CanSkip(group, fields[plan.TimeColumn], plan.LowDay, plan.HighDay);

    private static async Task<ScanResult[]> ScanUnitsAsync(
        IReadOnlyList<string> files, DataField[][] fields, List<(int File, int RowGroup)> units, ScanWorker[] workers, IReadOnlyList<ScanPlan> plans,
        int maxParallelism, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers.Length).Select(index => Task.Run(async () =>
        {
            // Fewer row groups than cores (one uploaded file, say): the spare cores aggregate.
            var worker = workers[index] = new ScanWorker(plans, aggregationThreads: Math.Max(1, maxParallelism / workers.Length));
            var readers = new Dictionary<int, (ParquetReader Reader, SafeFileHandle Handle)>();
            try
            {
                int unit;
                while ((unit = Interlocked.Increment(ref next)) < units.Count)
                {
                    var (file, rowGroup) = units[unit];
                    if (!readers.TryGetValue(file, out var opened))
                    {
                        opened = (await ParquetFiles.OpenAsync(files[file], cancellationToken), File.OpenHandle(files[file]));
                        readers.Add(file, opened);
                    }

                    await worker.ProcessAsync(opened.Reader.OpenRowGroupReader(rowGroup), fields[file], files[file], opened.Handle, cancellationToken);
                }
            }
            finally
            {
                foreach (var (reader, handle) in readers.Values)
                {
                    await reader.DisposeAsync();
                    handle.Dispose();
                }
            }
        }, cancellationToken)));

        var results = plans.Select(_ => new ScanResult()).ToArray();
        var distinctStrings = plans.Select(_ => new StringInterner()).ToArray();
        foreach (var worker in workers)
        {
            worker.MergeInto(results, distinctStrings);
        }

        return results;
    }
}
