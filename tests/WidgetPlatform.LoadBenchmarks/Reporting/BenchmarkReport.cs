using System.Globalization;
using System.Text.Json;

namespace WidgetPlatform.LoadBenchmarks.Reporting;

/// <summary>Collects the figures, prints each as it is taken and the whole table at the end, and writes the JSON.</summary>
internal sealed class BenchmarkReport(IReadOnlyDictionary<string, string> runSettings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly List<Figure> _figures = [];

    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>Records a figure with the run's settings and the load average at the time it was taken.</summary>
    public void Add(string name, double value, string unit, double? ceiling = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(runSettings) { ["loadAverage"] = Machine.LoadAverage() };
        foreach (var (key, setting) in settings ?? new Dictionary<string, string>())
        {
            all[key] = setting;
        }

        var figure = Figure.Against(name, value, unit, ceiling, all);
        _figures.Add(figure);
        Console.WriteLine($"  {Line(figure)}");
    }

    /// <summary>Figures taken elsewhere (the compute benchmark) keep their own settings.</summary>
    public void AddExisting(Figure figure) => _figures.Add(figure);

    public void PrintTable(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"{"figure",-34} {"value",12} {"unit",-7} {"ceiling",12} {"ratio",6}  note");
        writer.WriteLine(new string('-', 96));
        foreach (var figure in _figures)
        {
            writer.WriteLine(Line(figure));
        }

        writer.WriteLine("ratio = value / ceiling (req/s: higher is better; ms and bytes: lower is better).");
    }

    public async Task WriteJsonAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(_figures, Json));
    }

    private static string Line(Figure figure) =>
        $"{figure.Name,-34} {Format(figure.Value, figure.Unit),12} {figure.Unit,-7} {(figure.Ceiling is { } c ? Format(c, figure.Unit) : "-"),12} " +
        $"{(figure.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "-"),6}  {figure.Settings.GetValueOrDefault("note")}";

    private static string Format(double value, string unit) => unit switch
    {
        "ms" => value.ToString(value < 100 ? "F2" : "F0", CultureInfo.InvariantCulture),
        "%" or "ratio" => value.ToString("F2", CultureInfo.InvariantCulture),
        _ => value.ToString("N0", CultureInfo.InvariantCulture),
    };
}
