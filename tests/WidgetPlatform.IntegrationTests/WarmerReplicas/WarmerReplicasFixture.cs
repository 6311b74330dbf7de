using WidgetPlatform.Auth;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Testing;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>A platform with two warmer replicas, so that what the warmers share (queues, locks, leases) is tested across two processes.</summary>
public sealed class WarmerReplicasFixture() : PlatformFixture(new TestHostOptions
{
    Replicas = new Dictionary<string, int> { ["warmer"] = Replicas },
    Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        // The clock-driven hot refresh would create missing entries too: kept out of the way, every computation the tests
        // count comes from the messages they send.
        ["warmer"] = new Dictionary<string, string> { ["WidgetPlatform__Warming__HotRefreshInterval"] = "01:00:00" },
    },
})
{
    public const int Replicas = 2;

    /// <summary>A gateway client with a token of that role for every study, the tests' own included.</summary>
    public HttpClient Gateway(string role) => Host.CreateHttpClient("query", bearerToken: Host.MintToken(role, [PlatformClaims.AllStudies]));

    /// <summary>A small demo study of its own, written into the running platform's data root; the services find it on first use.</summary>
    public async Task<string> WriteStudyAsync()
    {
        var studyId = $"SPLIT-{Guid.NewGuid():N}"[..16];
        await DemoDataGenerator.WriteStudyAsync(new DataStore(Host.DataDirectory), studyId, new DemoDataOptions { AdverseEventRows = 2_000 }, DateTime.UtcNow);
        return studyId;
    }
}

[CollectionDefinition(Name)]
public sealed class WarmerReplicasPlatform : ICollectionFixture<WarmerReplicasFixture>
{
    public const string Name = "warmer-replicas";
}
