namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// Trace sampling as README recommends for production (a parent-based 5% ratio, read by the OpenTelemetry SDK itself),
/// given alike to the sampled gateways and to the peers that run the platform's ServiceDefaults, so that the like-for-like
/// comparison traces the same share of requests everywhere.
/// </summary>
internal static class ProductionSampling
{
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
        ["OTEL_TRACES_SAMPLER_ARG"] = "0.05",
    };
}
