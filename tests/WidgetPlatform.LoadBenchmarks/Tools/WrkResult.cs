namespace WidgetPlatform.LoadBenchmarks.Tools;

/// <summary>What wrk --latency printed: throughput, the latency distribution, and everything that was not a 2xx/3xx.</summary>
internal sealed record WrkResult(
    double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, long Requests, long SocketErrors, long Timeouts, long Non2xx3xx,
    IReadOnlyDictionary<string, long> Counters, string Output)
{
    public long Errors => SocketErrors + Non2xx3xx;
}
