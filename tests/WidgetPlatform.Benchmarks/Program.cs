using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WidgetPlatform.Benchmarks;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

// Cold computation per widget type on the demo AE dataset, side by side with DuckDB over the same files.
var options = BenchmarkOptions.Parse(args);
var settings = new Dictionary<string, string>
{
    ["rows"] = options.Rows.ToString(CultureInfo.InvariantCulture),
    ["threads"] = options.Threads.ToString(CultureInfo.InvariantCulture),
    ["repeats"] = options.Repeats.ToString(CultureInfo.InvariantCulture),
    ["warmups"] = options.Warmups.ToString(CultureInfo.InvariantCulture),
    ["processors"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
    // Anything else running on the cores shows in the figures: say how busy the machine was.
    ["loadAverageAtStart"] = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown",
};

var snapshot = await EnsureDataAsync(options);
Console.WriteLine($"{options.Rows:N0} AE rows in {snapshot.Files.Count} files under {snapshot.Directory}; {options.Threads} threads each, median of {options.Repeats} after {options.Warmups} unmeasured; load average {settings["loadAverageAtStart"]}.");
using var duck = new DuckDbRunner(snapshot.Directory, options.Threads);
var measurements = new List<Measurement>();
var table = new List<string[]>();
var allAgree = true;
const string RangeCase = "range breakdown from partials (30 days)";

foreach (var benchmark in BenchmarkCases.Cold().Where(benchmark => options.Runs(benchmark.Name)))
{
    var (ours, theirs) = await TimeBothAsync(benchmark);
    Record(benchmark.Name, ours, theirs);
}

if (options.Runs(RangeCase))
{
    await RangeQueriesAsync();
}

Console.WriteLine();
Console.WriteLine($"{"case",-42} {"ours ms",9} {"duckdb ms",9} {"ratio",6} {"ours rows/s",13} {"duckdb rows/s",13} {"same",4}");
foreach (var row in table)
{
    Console.WriteLine($"{row[0],-42} {row[1],9} {row[2],9} {row[3],6} {row[4],13} {row[5],13} {row[6],4}");
}

Console.WriteLine("rows/s: rows of the files the case has to read (after row-group pruning on the date range), over the time taken.");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!);
await File.WriteAllTextAsync(options.OutputPath, JsonSerializer.Serialize(measurements, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
Console.WriteLine($"results written to {Path.GetFullPath(options.OutputPath)}");
return allAgree ? 0 : 1;

void Record(string name, (double Milliseconds, bool Agree, long Rows) ours, (double Milliseconds, bool Agree) theirs)
{
    var agree = ours.Agree && theirs.Agree;
    allAgree &= agree;
    var rowsPerSecond = ours.Rows > 0 ? ours.Rows / (ours.Milliseconds / 1000) : 0;
    var duckRowsPerSecond = ours.Rows > 0 ? ours.Rows / (theirs.Milliseconds / 1000) : 0;
    measurements.Add(new Measurement($"{name} ours", ours.Milliseconds, "ms", settings));
    measurements.Add(new Measurement($"{name} duckdb", theirs.Milliseconds, "ms", settings));
    measurements.Add(new Measurement($"{name} ours/duckdb", ours.Milliseconds / theirs.Milliseconds, "ratio", settings));
    if (rowsPerSecond > 0)
    {
        measurements.Add(new Measurement($"{name} ours throughput", rowsPerSecond, "rows/s", settings));
        measurements.Add(new Measurement($"{name} duckdb throughput", duckRowsPerSecond, "rows/s", settings));
    }

    table.Add([name, ours.Milliseconds.ToString("F1", CultureInfo.InvariantCulture), theirs.Milliseconds.ToString("F1", CultureInfo.InvariantCulture),
        (ours.Milliseconds / theirs.Milliseconds).ToString("F2", CultureInfo.InvariantCulture),
        rowsPerSecond > 0 ? rowsPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "-",
        duckRowsPerSecond > 0 ? duckRowsPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "-", agree ? "yes" : "NO"]);
}

// Range queries: one scan builds the daily partials, then every window is answered by merging days.
async Task RangeQueriesAsync()
{
    var engine = new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = options.Threads, UseDailyPartials = true });
    var build = Stopwatch.StartNew();
    await engine.ComputeAsync(snapshot, BenchmarkCases.RangeBreakdown(BenchmarkCases.LastDay, BenchmarkCases.LastDay).Widget, WidgetQuery.Unfiltered);
    build.Stop();
    measurements.Add(new Measurement("daily partials build (breakdown by severity)", build.Elapsed.TotalMilliseconds, "ms", settings));
    var ours = new List<double>();
    var theirs = new List<double>();
    for (var window = 0; window < 20; window++)
    {
        var to = BenchmarkCases.LastDay.AddDays(-window * 17);
        var benchmark = BenchmarkCases.RangeBreakdown(to.AddDays(-29), to);
        var watch = Stopwatch.StartNew();
        var result = await engine.ComputeAsync(snapshot, benchmark.Widget, benchmark.Query);
        ours.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        var expected = duck.Query(benchmark.Sql, metric: false);
        theirs.Add(watch.Elapsed.TotalMilliseconds);
        allAgree &= ResultRows.Agree(ResultRows.From(result.Data), expected);
    }

    Record(RangeCase, (Median(ours), true, 0), (Median(theirs), true));
    Console.WriteLine($"daily partials build: {build.Elapsed.TotalMilliseconds:F0} ms (once per version, widget shape and filters); then 20 windows of 30 days.");
}

// Ours and DuckDB alternate run by run, so load from anything else on the machine falls on both alike. Both first run
// the case unmeasured: DuckDB is native code, ours is compiled by the JIT in tiers (tier 0, instrumented, optimized
// with PGO) as its methods are called; without this a case measured our half-compiled code, by how many cases ran
// before it (metric distinct subjects alone 1.3x DuckDB, second in a full run 2.4x).
async Task<((double Milliseconds, bool Agree, long Rows) Ours, (double Milliseconds, bool Agree) Theirs)> TimeBothAsync(BenchmarkCase benchmark)
{
    var metric = benchmark.Widget.Type == WidgetType.Metric;
    var expected = duck.Query(benchmark.Sql, metric);
    for (var warmup = 0; warmup < options.Warmups; warmup++)
    {
        await ColdEngine().ComputeAsync(snapshot, benchmark.Widget, benchmark.Query);
        duck.Query(benchmark.Sql, metric);
    }

    var ours = new List<double>();
    var theirs = new List<double>();
    var agree = true;
    long rows = 0;
    for (var run = 0; run < options.Repeats; run++)
    {
        // A fresh engine per run: nothing survives from one computation to the next, as on a cache miss.
        var engine = ColdEngine();
        var watch = Stopwatch.StartNew();
        var result = await engine.ComputeAsync(snapshot, benchmark.Widget, benchmark.Query);
        ours.Add(watch.Elapsed.TotalMilliseconds);
        rows = result.RowsProcessed;
        agree &= ResultRows.Agree(ResultRows.From(result.Data), expected);
        if (!agree && run == 0)
        {
            Console.WriteLine($"MISMATCH {benchmark.Name}: ours {JsonSerializer.Serialize(ResultRows.From(result.Data).Take(5))} duckdb {JsonSerializer.Serialize(expected.Take(5))}");
        }

        watch.Restart();
        duck.Query(benchmark.Sql, metric);
        theirs.Add(watch.Elapsed.TotalMilliseconds);
    }

    return ((Median(ours), agree, rows), (Median(theirs), true));
}

WidgetComputeEngine ColdEngine() => new(new WidgetComputeOptions { MaxParallelism = options.Threads, UseDailyPartials = false });

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static async Task<DatasetSnapshot> EnsureDataAsync(BenchmarkOptions options)
{
    var marker = Path.Combine(options.DataDirectory, "complete");
    if (!File.Exists(marker))
    {
        if (Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        Console.WriteLine($"generating {options.Rows:N0} AE rows into {options.DataDirectory} ...");
        await DemoDataGenerator.WriteAdverseEventsAsync(options.DataDirectory, new DemoDataOptions { AdverseEventRows = options.Rows, StartDate = new DateOnly(2023, 1, 1), Days = 730 });
        await File.WriteAllTextAsync(marker, DataVersion.FromTimestamp(DateTime.UtcNow));
        Console.WriteLine($"generated in {watch.Elapsed.TotalSeconds:F1} s");
    }

    var files = Directory.GetFiles(options.DataDirectory, "*.parquet").Order(StringComparer.Ordinal).ToArray();
    return new DatasetSnapshot("BENCH", DatasetLayer.Source, "AE", "benchmark", options.DataDirectory, files);
}
