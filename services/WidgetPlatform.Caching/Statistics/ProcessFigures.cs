namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// What a process's work has cost it since it started, as the runtime counts it: bytes allocated, collections, GC
/// pauses and CPU time. Published with the counters, so the cost per request can be read from outside (the load
/// benchmark divides the growth over a run by the requests it sent).
/// </summary>
public sealed record ProcessFigures(
    long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseMilliseconds, double CpuMilliseconds)
{
    public static ProcessFigures Now() => new(
        GC.GetTotalAllocatedBytes(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalMilliseconds,
        Environment.CpuUsage.TotalTime.TotalMilliseconds);
}
