using System.Net;

namespace WidgetPlatform.IntegrationTests.ScaleOut;

[Collection(ScaleOutPlatform.Name)]
[Trait("Profile", "scale-out")]
public sealed class GatewayLoadBalancerTests(ScaleOutFixture platform)
{
    [Fact]
    public async Task RequestsThroughTheLoadBalancerAreSpreadOverEveryGatewayReplica()
    {
        using var client = platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Viewer);

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.GetAsync(new Uri("/api/studies/STUDY-001/widgets", UriKind.Relative))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var proxied = platform.Host.ConsoleLines(ScaleOutFixture.LoadBalancer);
        Assert.All(platform.Host.Instances("query"), replica =>
            Assert.Contains(proxied, line => line.Contains($"Proxying to {replica.DirectHttpEndpoint!.GetLeftPart(UriPartial.Authority)}/api/studies", StringComparison.Ordinal)));
    }
}
