using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>
/// A platform for the operators' tools: alerts judged every second over the last 10 s from 5 answers on (a warmer late
/// after 10 s, a lock given up after 4 s), so that a test sees one fire and clear in seconds; its own, since making alerts
/// fire and restarting the gateway would disturb other tests.
/// </summary>
public sealed class OperationsFixture() : PlatformFixture(new TestPlatformOptions { Environment = FastAlerts })
{
    public const string Study = "STUDY-001";

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FastAlerts =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["query"] = new Dictionary<string, string>
            {
                ["WidgetPlatform__Alerts__EvaluationInterval"] = "00:00:01",
                ["WidgetPlatform__Alerts__Window"] = "00:00:10",
                ["WidgetPlatform__Alerts__MinimumRequests"] = "5",
                ["WidgetPlatform__Alerts__WarmerLagAbove"] = "00:00:10",
                // A lock that outlives its holder makes its waiters give up after 4 s (and 2 s of grace), not 32.
                ["WidgetPlatform__Cache__LockTimeout"] = "00:00:04",
                // The tests poll admin endpoints with the one admin token: 60 calls a minute would throttle them.
                ["WidgetPlatform__Auth__AdminRateLimit__PermitLimit"] = "1000",
            },
        };

    public HttpClient Admin() => Host.CreateHttpClient("query", bearerToken: Host.DevTokens.Admin);

    public HttpClient Viewer() => Host.CreateHttpClient("query", bearerToken: Host.DevTokens.Viewer);
}

[CollectionDefinition(Name)]
public sealed class OperationsPlatform : ICollectionFixture<OperationsFixture>
{
    public const string Name = "operations";
}
