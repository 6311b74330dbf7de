using StackExchange.Redis;
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
        var since = DateTimeOffset.UtcNow;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConfiguration);
        var store = new FleetStatisticsStore(redis, Microsoft.Extensions.Options.Options.Create(new CacheStatisticsOptions()));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var published = (await store.ReadAsync(DateTimeOffset.UtcNow)).SingleOrDefault(instance => instance.Service == service);
            if (published is { Process: { } figures } && published.PublishedAt > since)
            {
                return figures;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{service} published no process figures within 30 s.");
    }

    public static ProcessCost Between(ProcessFigures before, ProcessFigures after) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0Collections - before.Gen0Collections,
        after.Gen1Collections - before.Gen1Collections,
        after.Gen2Collections - before.Gen2Collections,
        after.GcPauseMilliseconds - before.GcPauseMilliseconds,
        after.CpuMilliseconds - before.CpuMilliseconds);
}
