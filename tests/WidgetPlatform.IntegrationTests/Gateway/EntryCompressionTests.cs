using System.Text;
using System.Text.Json;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>Large answers are held compressed in Redis (docs/cache.md, "Redis memory and persistence").</summary>
[Collection(GatewayPlatform.Name)]
public sealed class EntryCompressionTests(GatewayFixture platform)
{
    [Fact]
    public async Task ALargeAnswerIsHeldCompressedInRedisAndServedFromItUnchanged()
    {
        using var computing = platform.Replica(0);
        using var readingRedis = platform.Replica(1);
        // Daily points over a year or more: tens of kilobytes of JSON.
        var path = $"/api/studies/{GatewayFixture.Study}/widgets/ae-daily/data?{UniqueRanges.NextWide()}";

        var computed = await WidgetResponse.GetAsync(computing, path);
        var fromRedis = await WidgetResponse.GetAsync(readingRedis, path);
        using var details = JsonDocument.Parse(await computing.GetStringAsync(
            new Uri($"/api/cache/studies/{GatewayFixture.Study}/entries/{Uri.EscapeDataString(computed.Key)}", UriKind.Relative)));
        var entry = details.RootElement;

        Assert.Equal("miss", computed.Cache);
        Assert.Equal("hit", fromRedis.Cache);
        Assert.Equal(computed.Data, fromRedis.Data);
        Assert.Equal(computed.CalculatedAt, fromRedis.CalculatedAt);
        Assert.True(entry.GetProperty("compressed").GetBoolean(), entry.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(fromRedis.Text), entry.GetProperty("answerBytes").GetInt64());
        Assert.True(entry.GetProperty("sizeBytes").GetInt64() < entry.GetProperty("answerBytes").GetInt64() / 3, entry.ToString());
    }
}
