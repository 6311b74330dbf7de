using Aspire.Hosting;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WidgetPlatform.Auth;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.LoadBenchmarks.Tools;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// The platform under test, started through the AppHost on real Redis and RabbitMQ: the gateway as the AppHost runs it,
/// with its in-process layer (L1) on as by default, and a second gateway beside it with L1 off so that its hits come from
/// Redis; for the hit scenario, the same two with traces sampled as in production (<see cref="ProductionSampling"/>),
/// started only while it runs.
/// </summary>
internal sealed class BenchPlatform(TestPlatform host) : IAsyncDisposable
{
    public const string Study = "STUDY-001";
    public const int WithL1 = 0;
    public const int WithoutL1 = 1;
    public const int WithL1Sampled = 2;
    public const int WithoutL1Sampled = 3;
    public const int WithL1StatisticsOff = 4;
    public const int WithL1StatisticsOn = 5;

    private const string WithoutL1Gateway = "query-l2";

    /// <summary>By index: <see cref="WithL1"/>, <see cref="WithoutL1"/>, <see cref="WithL1Sampled"/>, <see cref="WithoutL1Sampled"/>, <see cref="WithL1StatisticsOff"/>, <see cref="WithL1StatisticsOn"/>.</summary>
    private static readonly string[] Gateways = ["query", WithoutL1Gateway, "query-sampled", "query-l2-sampled", "query-statistics-off", "query-statistics-on"];

    private static readonly KeyValuePair<string, string> NoL1 = new("WidgetPlatform__Cache__MemoryCacheBytes", "0");

    private readonly string _allStudiesViewer = host.MintToken(PlatformRoles.Viewer, [PlatformClaims.AllStudies], TimeSpan.FromDays(1), subject: "bench-viewer");
    private readonly string _allStudiesUploader = host.MintToken(PlatformRoles.Uploader, [PlatformClaims.AllStudies], TimeSpan.FromDays(1), subject: "bench-uploader");

    public TestPlatform Host { get; } = host;

    /// <summary>The dev viewer token of STUDY-001, as a developer would use it.</summary>
    public string ViewerToken => Host.DevTokens.Viewer;

    /// <summary>A viewer of every study (the Zipf scenario spans twenty).</summary>
    public string AllStudiesViewerToken => _allStudiesViewer;

    public string SigningKey => Host.SigningKey;

    public string RedisConfiguration => Host.GetConnectionString("cache");

    public RedisEndpoint Redis => RedisEndpoint.Parse(RedisConfiguration);

    public static async Task<BenchPlatform> StartAsync(LoadBenchmarkOptions options)
    {
        var host = await TestPlatform.StartAsync(new TestPlatformOptions
        {
            DemoRows = options.DemoRows,
            // The demo dashboard is built only for the browser scenario: its build costs seconds of CPU.
            WithWeb = options.Runs("browser"),
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["query"] = options.GatewayEnvironment },
            Configure = builder =>
            {
                builder.AddGatewayLike("query", WithoutL1Gateway, options.GatewayEnvironment).WithEnvironment(NoL1.Key, NoL1.Value);
                var sampled = new Dictionary<string, string>(options.GatewayEnvironment);
                foreach (var (key, value) in ProductionSampling.Environment)
                {
                    sampled[key] = value;
                }

                builder.AddGatewayLike("query", Gateways[WithL1Sampled], sampled, explicitStart: true);
                builder.AddGatewayLike("query", Gateways[WithoutL1Sampled], sampled, explicitStart: true).WithEnvironment(NoL1.Key, NoL1.Value);
                builder.AddGatewayLike("query", Gateways[WithL1StatisticsOff], options.GatewayEnvironment, explicitStart: true)
                    .WithEnvironment("WidgetPlatform__Statistics__Enabled", "false");
                builder.AddGatewayLike("query", Gateways[WithL1StatisticsOn], options.GatewayEnvironment, explicitStart: true);
            },
        });
        return new BenchPlatform(host);
    }

    /// <summary>Starts the sampled gateways and waits until they answer; they run only while a scenario needs them.</summary>
    public Task StartSampledGatewaysAsync() => StartGatewaysAsync(WithL1Sampled, WithoutL1Sampled);

    public Task StopSampledGatewaysAsync() => StopGatewaysAsync(WithL1Sampled, WithoutL1Sampled);

    /// <summary>
    /// Starts gateways the platform leaves stopped until a scenario needs them, side by side, and waits until they answer:
    /// a start is mostly one process's JIT, and two of them on two cores take little longer than one.
    /// </summary>
    public Task StartGatewaysAsync(params int[] gateways) =>
        Task.WhenAll(gateways.Select(async gateway =>
        {
            await Host.StartAsync(Gateways[gateway]);
            await Host.WaitForAsync(Gateways[gateway], instance => instance.IsRunningAndHealthy, TimeSpan.FromMinutes(2));
        }));

    public Task StopGatewaysAsync(params int[] gateways) => Task.WhenAll(gateways.Select(gateway => Host.StopAsync(Gateways[gateway])));

    public Uri Gateway(int gateway) => Host.Endpoint(Gateways[gateway]);

    /// <summary>The service name a gateway publishes its statistics under (its resource's name).</summary>
    public static string GatewayService(int gateway) => Gateways[gateway];

    public HttpClient Client(int gateway, string? token = null) => Host.CreateHttpClient(Gateways[gateway], bearerToken: token ?? _allStudiesViewer);

    /// <summary>Requests <paramref name="path"/> on each gateway until it answers a hit; returns the hit body.</summary>
    public async Task<byte[]> WarmAsync(string path, params int[] gateways)
    {
        byte[]? body = null;
        foreach (var gateway in gateways)
        {
            using var client = Client(gateway, ViewerToken);
            for (var attempt = 0; ; attempt++)
            {
                var answer = await WidgetAnswer.GetAsync(client, path);
                if (answer.IsHit)
                {
                    body ??= answer.Body;
                    break;
                }

                if (attempt == 50)
                {
                    throw new InvalidOperationException($"{path} on gateway {Gateways[gateway]} never answered a hit (last: {answer.Status} {answer.Cache}).");
                }

                await Task.Delay(100);
            }
        }

        return body!;
    }

    /// <summary>Writes a demo study into the running platform's data root; the services find it on first use.</summary>
    public Task WriteStudyAsync(string studyId, int adverseEventRows) =>
        DemoDataGenerator.WriteStudyAsync(
            new DataStore(Host.DataDirectory), studyId,
            new DemoDataOptions { AdverseEventRows = adverseEventRows, RowsPerFile = Math.Max(1, (adverseEventRows + 3) / 4), Seed = StableSeed(studyId) },
            DateTime.UtcNow);

    /// <summary>PUT a Parquet file as the study's new AE version, as an uploader; returns the version it was given.</summary>
    public async Task<string> UploadAdverseEventsAsync(string studyId, byte[] parquet, CancellationToken cancellationToken = default)
    {
        using var client = Client(WithL1, _allStudiesUploader);
        using var content = new ByteArrayContent(parquet);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PutAsync(new Uri($"/api/studies/{studyId}/datasets/AE?layer=source", UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UploadAnswer>(cancellationToken))!.Version;
    }

    private static int StableSeed(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private sealed record UploadAnswer(string Version);
}
