using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WidgetPlatform.AppHost.ScaleOut;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Auth;
using WidgetPlatform.FaultSuite.History;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// The platform under fault: the AppHost through the test host, on real Redis and RabbitMQ, with two gateway replicas so
/// that every history spans replicas; tokens of every role, and a pipeline's way in (<see cref="PipelinePublisher"/>).
/// </summary>
public sealed class FaultPlatform(TestPlatform host, PipelinePublisher pipeline) : IAsyncDisposable
{
    public const string Study = "STUDY-001";
    public const int GatewayReplicas = 2;

    /// <summary>The dataset the scenarios upload new versions of, and the rows of each upload.</summary>
    public const string Dataset = "AE";
    public const int UploadRows = 2_000;

    public TestPlatform Host { get; } = host;

    public PipelinePublisher Pipeline { get; } = pipeline;

    public CacheServer Cache { get; } = new(host);

    public string Admin => Host.DevTokens.Admin;

    public string Uploader => Host.DevTokens.Uploader;

    public string Viewer => Host.DevTokens.Viewer;

    /// <summary>The YARP resource in front of the gateway replicas in the scale-out profile.</summary>
    public const string LoadBalancer = GatewayLoadBalancer.ResourceName;

    /// <summary>The suite's platform: the single profile with two gateway replicas.</summary>
    public static async Task<FaultPlatform> StartAsync()
    {
        var host = await TestPlatform.StartAsync(new TestPlatformOptions
        {
            Replicas = new Dictionary<string, int> { ["query"] = GatewayReplicas },
            // Redis snapshots, so that it can be restarted from an older one (redis_restored); the suite takes them itself.
            AppHostSettings = new Dictionary<string, string> { ["WidgetPlatform:CacheServer:Persistence"] = "rdb" },
            // The suite reads and uploads a lot: its callers are not throttled like an operator's.
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["query"] = new Dictionary<string, string> { ["WidgetPlatform__Auth__AdminRateLimit__PermitLimit"] = "100000" },
            },
        });
        return new FaultPlatform(host, await PipelinePublisher.ConnectAsync(host));
    }

    /// <summary>The platform of the failover scenarios: the AppHost's scale-out profile (docs/operations.md).</summary>
    public static async Task<FaultPlatform> StartScaleOutAsync()
    {
        var host = await TestPlatform.StartAsync(new TestPlatformOptions
        {
            AppHostSettings = new Dictionary<string, string> { ["WidgetPlatform:Profile"] = "scale-out" },
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["query"] = new Dictionary<string, string> { ["WidgetPlatform__Auth__AdminRateLimit__PermitLimit"] = "100000" },
            },
        });
        return new FaultPlatform(host, await PipelinePublisher.ConnectAsync(host));
    }

    /// <summary>A client of one gateway replica with the token given; the suite's requests time out after 30 s.</summary>
    public HttpClient Gateway(int replica, string token)
    {
        var client = Host.CreateHttpClient("query", replica, token);
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    /// <summary>A client of the load balancer (scale-out profile) with the token given; requests time out after 30 s.</summary>
    public HttpClient Balanced(string token)
    {
        var client = Host.CreateHttpClient(LoadBalancer, bearerToken: token);
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    /// <summary>A token of <paramref name="role"/> for the studies given, minted with the platform's signing key.</summary>
    public string Token(string role, IReadOnlyCollection<string> studies) => Host.MintToken(role, studies, TimeSpan.FromHours(2), subject: $"faults-{role}");

    /// <summary>Whether every gateway replica answers with <paramref name="version"/> of AE (read through <c>ae-total</c>) in time (30 s unless said).</summary>
    public async Task<bool> ServesEverywhereAsync(string version, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        for (var replica = 0; replica < Host.Instances("query").Count; replica++)
        {
            using var client = Gateway(replica, Viewer);
            while ((await WidgetReads.ReadAsync(client, -1, "ae-total", $"api/studies/{Study}/widgets/ae-total/data", CancellationToken.None)).DataVersion != version)
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }

                await Task.Delay(100);
            }
        }

        return true;
    }

    /// <summary>
    /// A new version of <see cref="Dataset"/> through the gateway, accepted when it answers 202 (timed then, on the suite's
    /// clock); otherwise its status and body, for the caller to judge.
    /// </summary>
    public static async Task<(UploadRecord? Accepted, string Answer)> UploadThroughGatewayAsync(HttpClient uploader, byte[] parquet)
    {
        using var response = await uploader.PutAsync(
            new Uri($"api/studies/{Study}/datasets/{Dataset}?layer=source", UriKind.Relative), new ByteArrayContent(parquet));
        var accepted = SuiteClock.NowMs;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (null, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        return (new UploadRecord(version, accepted, "gateway"), "202");
    }

    /// <summary>A new version of <see cref="Dataset"/> as a pipeline publishes it, accepted once the broker confirmed.</summary>
    public async Task<UploadRecord> UploadAsPipelineAsync(byte[] parquet) =>
        new(await Pipeline.UploadAsync(Study, Dataset, parquet, UploadRows), SuiteClock.NowMs, "amqp");

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await Host.DisposeAsync();
    }
}
