using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// The fleet's figures: each process writes its own counters into one hash every second; a reader takes the fresh ones.
/// Nothing on the request path touches Redis for statistics.
/// </summary>
public sealed class FleetStatisticsStore(IConnectionMultiplexer redis, IOptions<CacheStatisticsOptions> options)
{
    public const string Key = "stats:fleet";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task PublishAsync(InstanceStatistics statistics) =>
        redis.GetDatabase().HashSetAsync(Key, statistics.Instance, JsonSerializer.Serialize(statistics, Json));

    public async Task<IReadOnlyList<InstanceStatistics>> ReadAsync(DateTimeOffset now)
    {
        var database = redis.GetDatabase();
        var fresh = new List<InstanceStatistics>();
        foreach (var field in await database.HashGetAllAsync(Key))
        {
            var statistics = JsonSerializer.Deserialize<InstanceStatistics>(field.Value.ToString(), Json);
            if (statistics is not null && now - statistics.PublishedAt <= options.Value.Staleness)
            {
                fresh.Add(statistics);
            }
            else
            {
                await database.HashDeleteAsync(Key, field.Name);
            }
        }

        return fresh;
    }
}
