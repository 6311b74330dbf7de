using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>
/// A study's traffic reaches Redis in many small scripts (<see cref="TrafficFlusher.FieldsPerScript"/>): every widget's
/// counters arrive whole, and the next flush adds only what grew since.
/// </summary>
[Collection(GatewayPlatform.Name)]
public sealed class TrafficFlushTests(GatewayFixture platform)
{
    private const int Widgets = 20;

    [Fact]
    public async Task EveryWidgetsCountersArriveOnceWhateverTheNumberOfScripts()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var study = $"FLUSH-{Guid.NewGuid():N}";
        var counters = new CacheCounters();
        var flusher = new TrafficFlusher(
            new TrafficStore(redis), counters, Options.Create(new CacheStatisticsOptions()), TimeProvider.System, NullLogger<TrafficFlusher>.Instance);

        // Each widget answers in every latency bucket: some 40 counters each, 800 for the study, a dozen scripts' worth.
        RecordEveryBucket(counters, study);
        await flusher.FlushAsync();
        RecordEveryBucket(counters, study);
        await flusher.FlushAsync();

        var total = (await redis.GetDatabase().HashGetAllAsync(RedisKeys.TrafficTotal(study))).ToDictionary(field => field.Name.ToString(), field => (long)field.Value);
        for (var widget = 0; widget < Widgets; widget++)
        {
            Assert.Equal(2 * LatencyHistogram.BucketCount, total[TrafficFields.OfWidget($"w{widget}", TrafficFields.Hit)]);
            var answers = Enumerable.Range(0, LatencyHistogram.BucketCount)
                .Sum(bucket => total.GetValueOrDefault(TrafficFields.OfWidget($"w{widget}", TrafficFields.LatencyBucket(bucket))));
            Assert.Equal(2 * LatencyHistogram.BucketCount, answers);
        }
    }

    private static void RecordEveryBucket(CacheCounters counters, string study)
    {
        for (var widget = 0; widget < Widgets; widget++)
        {
            for (var bucket = 0; bucket < LatencyHistogram.BucketCount; bucket++)
            {
                counters.Widgets.Record(study, $"w{widget}", CacheResult.Hit, bucket, TimeSpan.FromMilliseconds(1));
            }
        }
    }
}
