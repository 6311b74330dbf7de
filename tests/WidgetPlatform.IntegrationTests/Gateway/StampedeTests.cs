using System.Text.Json;

namespace WidgetPlatform.IntegrationTests.Gateway;

[Collection(GatewayPlatform.Name)]
public sealed class StampedeTests(GatewayFixture platform)
{
    private const int Requests = 200;

    [Fact]
    public async Task TwoHundredConcurrentColdRequestsOverTwoReplicasComputeOnce()
    {
        using var first = platform.Replica(0);
        using var second = platform.Replica(1);
        var path = $"/api/studies/{GatewayFixture.Study}/widgets/ae-subjects-by-site/data?{UniqueRanges.Next()}";
        var before = await ComputationsAsync(first);

        var responses = await Task.WhenAll(Enumerable.Range(0, Requests)
            .Select(index => WidgetResponse.GetAsync(index % 2 == 0 ? first : second, path)));
        var after = await ComputationsAsync(first, atLeast: before + 1);

        Assert.All(responses, response => Assert.Equal(System.Net.HttpStatusCode.OK, response.Status));
        var results = string.Join(", ", responses.GroupBy(response => response.Cache).Select(group => $"{group.Key}: {group.Count()}"));
        Assert.True(responses.Select(response => response.CalculatedAt).Distinct().Count() == 1, $"more than one computation ({results})");
        Assert.Equal(before + 1, after);
    }

    /// <summary>The fleet-wide computation count; every process publishes its counters once a second.</summary>
    private static async Task<long> ComputationsAsync(HttpClient client, long atLeast = 0)
    {
        long computations = 0;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            // Two publications apart, so that both replicas' latest counters are in.
            await Task.Delay(TimeSpan.FromSeconds(2.2));
            using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/cache/stats", UriKind.Relative)));
            computations = stats.RootElement.GetProperty("computations").GetInt64();
        }
        while (computations < atLeast && DateTime.UtcNow < deadline);

        return computations;
    }
}
