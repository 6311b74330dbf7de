using System.Globalization;
using System.Text.Json;

namespace WidgetPlatform.FaultSuite.Reporting;

/// <summary>
/// What the suite found, by scenario: figures (reported, never failing the run) and checks (a failed check fails it).
/// Printed as each is taken and as a table at the end; written to bench/reliability.json.
/// </summary>
public sealed class ReliabilityReport(string mode)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly List<ScenarioResult> _scenarios = [];

    public IReadOnlyList<ScenarioResult> Scenarios => _scenarios;

    public bool Passed => _scenarios.All(scenario => scenario.Checks.All(check => check.Passed));

    public ScenarioResult Scenario(string name)
    {
        var scenario = new ScenarioResult(name);
        _scenarios.Add(scenario);
        return scenario;
    }

    public void PrintTable(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"{"scenario / figure or check",-58} {"value",14}  unit");
        writer.WriteLine(new string('-', 84));
        foreach (var scenario in _scenarios)
        {
            writer.WriteLine(scenario.Name);
            foreach (var figure in scenario.Figures)
            {
                writer.WriteLine($"  {figure.Name,-56} {Format(figure.Value),14}  {figure.Unit}");
            }

            foreach (var check in scenario.Checks)
            {
                writer.WriteLine($"  {(check.Passed ? "ok  " : "FAIL")} {check.Name,-51} {check.Detail}");
            }
        }

        writer.WriteLine(Passed ? "Every check passed." : "Some checks FAILED.");
    }

    public async Task WriteJsonAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new
        {
            mode,
            machine = new { processors = Environment.ProcessorCount, finishedAt = DateTimeOffset.UtcNow },
            passed = Passed,
            scenarios = _scenarios,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
    }

    private static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e12
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("F2", CultureInfo.InvariantCulture);
}

public sealed class ScenarioResult(string name)
{
    private readonly List<Figure> _figures = [];
    private readonly List<Check> _checks = [];

    public string Name { get; } = name;

    public IReadOnlyList<Figure> Figures => _figures;

    public IReadOnlyList<Check> Checks => _checks;

    public void Figure(string name, double value, string unit)
    {
        _figures.Add(new Figure(name, value, unit));
        Console.WriteLine($"  {Name}: {name} = {value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}");
    }

    /// <summary>A check passes when <paramref name="passed"/>; <paramref name="detail"/> says what was seen either way.</summary>
    public void Check(string name, bool passed, string detail)
    {
        _checks.Add(new Check(name, passed, detail));
        Console.WriteLine($"  {Name}: {(passed ? "ok" : "FAILED")} {name}: {detail}");
    }
}

public sealed record Figure(string Name, double Value, string Unit);

public sealed record Check(string Name, bool Passed, string Detail);
