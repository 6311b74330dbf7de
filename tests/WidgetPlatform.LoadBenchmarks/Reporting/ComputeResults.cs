using System.Globalization;
using System.Text.Json;

namespace WidgetPlatform.LoadBenchmarks.Reporting;

/// <summary>
/// Folds the compute benchmark's figures (scripts/bench-compute.sh, which runs before the platform starts) into the table as
/// <c>cold_compute_{type}</c>: our milliseconds over all of the type's cases, with DuckDB's over the same cases as ceiling.
/// </summary>
internal static class ComputeResults
{
    private const string Ours = " ours";
    private const string Duck = " duckdb";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void AddTo(BenchmarkReport report, string path)
    {
        if (!File.Exists(path))
        {
            Console.WriteLine($"no compute results at {path}: cold_compute_* left out.");
            return;
        }

        var measurements = JsonSerializer.Deserialize<List<Measurement>>(File.ReadAllText(path), Json) ?? [];
        var byName = measurements.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());
        var cases = measurements.Where(m => m.Unit == "ms" && m.Name.EndsWith(Ours, StringComparison.Ordinal))
            .Select(m => m.Name[..^Ours.Length])
            .Where(name => byName.ContainsKey(name + Duck));
        foreach (var type in cases.GroupBy(name => name.Split(' ')[0]))
        {
            var ours = type.Sum(name => byName[name + Ours].Value);
            var duck = type.Sum(name => byName[name + Duck].Value);
            var worst = type.MaxBy(name => byName[name + Ours].Value / byName[name + Duck].Value)!;
            var settings = new Dictionary<string, string>(byName[worst + Ours].Settings)
            {
                ["source"] = path,
                ["cases"] = string.Join("; ", type),
                ["statistic"] = "sum over the cases of each one's median run",
                ["worstCase"] = $"{worst}: {(byName[worst + Ours].Value / byName[worst + Duck].Value).ToString("F2", CultureInfo.InvariantCulture)}× DuckDB",
                ["note"] = $"ceiling = DuckDB, same files; {type.Count()} case(s)",
            };
            report.AddExisting(Figure.Against($"cold_compute_{type.Key}", ours, "ms", duck, settings));
        }
    }

    private sealed record Measurement(string Name, double Value, string Unit, Dictionary<string, string> Settings);
}
