using System.Net;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.ScaleOut;

[Collection(ScaleOutPlatform.Name)]
[Trait("Profile", "scale-out")]
public sealed class GatewayLoadBalancerTests(ScaleOutFixture platform)
{
    // The widget list of the study: no other test of the collection asks it through the balancer, so the lines found are this test's.
    private const string Path = "/api/studies/STUDY-001/widgets";

    [Fact]
    public async Task RequestsThroughTheLoadBalancerAreSpreadOverEveryGatewayReplica()
    {
        using var client = platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Viewer);
        var replicas = platform.Host.Instances("query").Select(replica => replica.DirectHttpEndpoint!.GetLeftPart(UriPartial.Authority)).ToList();

        // Batches until each replica has been named: one whose health probe was slow on a loaded machine is out of the
        // rotation until its next probe, and its log lines arrive a moment after the answers.
        var unnamed = await Eventually.UntilAsync(
            async () =>
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync(new Uri(Path, UriKind.Relative))));
                Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
                var proxied = platform.Host.ConsoleLines(ScaleOutFixture.LoadBalancer);
                return string.Join(", ", replicas.Where(replica => !proxied.Any(line => line.Contains($"Proxying to {replica}{Path} ", StringComparison.Ordinal))));
            },
            left => left.Length == 0,
            $"the balancer's log names every replica for {Path}",
            seconds: 30);

        Assert.Empty(unnamed);
    }
}
