using System.Globalization;

namespace WidgetPlatform.Benchmarks;

/// <param name="Warmups">Unmeasured runs of each case, ours and DuckDB's, before the measured ones (see Program.cs).</param>
internal sealed record BenchmarkOptions(int Rows, int Repeats, int Warmups, string DataDirectory, string OutputPath, int Threads, string? Only)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var rows = int.Parse(Value(args, "--rows") ?? (quick ? "200000" : "10000000"), CultureInfo.InvariantCulture);
        return new BenchmarkOptions(
            rows,
            int.Parse(Value(args, "--repeat") ?? (quick ? "3" : "5"), CultureInfo.InvariantCulture),
            int.Parse(Value(args, "--warmup") ?? (quick ? "1" : "10"), CultureInfo.InvariantCulture),
            Value(args, "--data") ?? Path.Combine(Path.GetTempPath(), "widgetplatform-bench", $"ae-{rows}"),
            Value(args, "--out") ?? Path.Combine("bench", "results-compute.json"),
            int.Parse(Value(args, "--threads") ?? "2", CultureInfo.InvariantCulture),
            Value(args, "--case"));
    }

    /// <summary><c>--case TEXT</c> runs only the cases whose name contains TEXT (for profiling one of them).</summary>
    public bool Runs(string caseName) => Only is null || caseName.Contains(Only, StringComparison.OrdinalIgnoreCase);

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
