using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>What a run cost one service process: the growth of the figures it publishes to the fleet statistics.</summary>
internal sealed record ProcessCost(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double GcPauseMs, double CpuMs)
{
    /// <summary>
    /// The figures the single instance of <paramref name="service"/> published once this call began (so everything it did
    /// until now is in).
    /// </summary>
    public static async Task<ProcessFigures> ReadAsync(BenchPlatform platform, string service)
    {
        var (instances, fresh) = await FleetPublications.ReadAfterNowAsync(platform, instance => instance.Service == service);
        return fresh && instances.SingleOrDefault() is { Process: { } figures }
            ? figures
            : throw new TimeoutException($"{service} published no process figures within 30 s.");
    }

    public static ProcessCost Between(ProcessFigures before, ProcessFigures after) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0Collections - before.Gen0Collections,
        after.Gen1Collections - before.Gen1Collections,
        after.Gen2Collections - before.Gen2Collections,
        after.GcPauseMilliseconds - before.GcPauseMilliseconds,
        after.CpuMilliseconds - before.CpuMilliseconds);
}
