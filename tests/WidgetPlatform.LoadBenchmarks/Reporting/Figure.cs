namespace WidgetPlatform.LoadBenchmarks.Reporting;

/// <summary>
/// One figure of <c>bench/results.json</c>. <see cref="Ratio"/> is always value / ceiling, so its better direction is the
/// unit's: above 1 is better for req/s, below 1 is better for ms.
/// </summary>
internal sealed record Figure(string Name, double Value, string Unit, double? Ceiling, double? Ratio, IReadOnlyDictionary<string, string> Settings)
{
    public static Figure Against(string name, double value, string unit, double? ceiling, IReadOnlyDictionary<string, string> settings) =>
        new(name, value, unit, ceiling, ceiling is > 0 ? value / ceiling.Value : null, settings);
}
