using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.MicroBenchmarks;

/// <summary>
/// A cached answer read from Redis, layer by layer: the bare GET, our entry read, and the same through the breaker the
/// gateway puts around every Redis call. Against a redis-server of its own on loopback, connected as the services
/// connect; the difference between the rows is what each layer costs a Redis hit.
/// </summary>
[MemoryDiagnoser]
public class RedisHitBenchmarks
{
    private static readonly WidgetCacheKey Key = new(HotPathRequest.StudyId, "ae-by-severity", HotPathRequest.DataVersion, "9f2c6a1be04d7735");

    private Process? _server;
    private ConnectionMultiplexer _redis = null!;
    private RedisEntries _entries = null!;
    private RedisCircuit _circuit = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var port = FreePort();
        _server = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
        })!;
        var options = ConfigurationOptions.Parse($"127.0.0.1:{port}");
        RedisClientExtensions.ConfigureConnection(options);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 20;
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        _entries = new RedisEntries(_redis, new WidgetCacheOptions());
        _circuit = new RedisCircuit(new WidgetCacheOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisCircuit>.Instance);
        var entry = ResponseBody.Render(Encoding.UTF8.GetBytes(new string('x', 600)), new CacheEntryMetadata
        {
            Key = Key.Value,
            CalculatedAt = DateTimeOffset.UtcNow,
            DataVersion = Key.DataVersion,
            TtlSeconds = 900,
            CacheValueOffset = 0,
        }, """{"filters":{},"from":null,"revision":1,"to":null}"""u8, queryTime: 12.5, rowsProcessed: 20_000);
        await _redis.GetDatabase().StringSetAsync(Key.Value, entry.Stored);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _redis.Dispose();
        _server?.Kill();
        _server?.WaitForExit();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> BareGet() => ((byte[]?)await _redis.GetDatabase().StringGetAsync(Key.Value))!.Length;

    [Benchmark]
    public async Task<CacheEntry?> EntryRead() => await _entries.GetAsync(Key);

    [Benchmark]
    public async Task<CacheEntry?> EntryReadThroughBreaker() =>
        (await _circuit.TryAsync((_entries, Key), static read => read._entries.GetAsync(read.Key))).Value;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
