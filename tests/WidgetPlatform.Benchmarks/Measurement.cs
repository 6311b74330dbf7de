namespace WidgetPlatform.Benchmarks;

/// <summary>One figure of the JSON report.</summary>
internal sealed record Measurement(string Name, double Value, string Unit, IReadOnlyDictionary<string, string> Settings);
