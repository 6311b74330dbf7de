namespace WidgetPlatform.LoadBenchmarks.Tools;

/// <summary>
/// What wrk --latency printed: throughput, the latency distribution (p99.9 from the script's done(), when the run's
/// script is ours), and everything that was not a 2xx/3xx.
/// </summary>
internal sealed record WrkResult(
    double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, double? P999Ms, long Requests, long SocketErrors, long Timeouts, long Non2xx3xx,
    IReadOnlyDictionary<string, long> Counters, string Output)
{
    public long Errors => SocketErrors + Non2xx3xx;
}
