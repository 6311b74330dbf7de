using WidgetPlatform.LoadBenchmarks.Scenarios;

namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>
/// The caches a .NET team would otherwise pick, each a minimal app on the platform's Redis serving the widget's bytes:
/// bare, or traced (the platform's ServiceDefaults, names ending in <c>_traced</c>).
/// </summary>
internal sealed class PeerSet : IAsyncDisposable
{
    private readonly IReadOnlyList<(LoopbackApp App, PeerSource Source, string Note)> _peers;
    private readonly Dictionary<string, long> _callsAtMark = [];

    private PeerSet(IReadOnlyList<(LoopbackApp, PeerSource, string)> peers) => _peers = peers;

    /// <summary>The peers that keep entries in memory (L1 over Redis).</summary>
    public static IReadOnlyList<string> InMemory(bool traced) => [Name("peer_hybridcache", traced), Name("peer_fusioncache", traced)];

    /// <summary>The peers whose every hit is read from Redis.</summary>
    public static IReadOnlyList<string> ThroughRedis(bool traced) => [Name("peer_hybridcache_l2", traced), Name("peer_outputcache_redis", traced)];

    public static async Task<PeerSet> StartAsync(string redis, string signingKey, byte[] body, bool traced)
    {
        var telemetry = traced ? ", ServiceDefaults, traces sampled" : "";
        var hybrid = new PeerSource(body);
        var hybridL2 = new PeerSource(body);
        var fusion = new PeerSource(body);
        var output = new PeerSource(body);
        return new PeerSet(
        [
            (await HybridCachePeer.StartAsync(Name("peer_hybridcache", traced), redis, signingKey, hybrid, localCache: true, traced), hybrid,
                $"HybridCache L1 + Redis, JwtBearer{telemetry}"),
            (await HybridCachePeer.StartAsync(Name("peer_hybridcache_l2", traced), redis, signingKey, hybridL2, localCache: false, traced), hybridL2,
                $"HybridCache L1 off (DisableLocalCache), Redis, JwtBearer{telemetry}"),
            (await FusionCachePeer.StartAsync(Name("peer_fusioncache", traced), redis, signingKey, fusion, traced), fusion,
                $"FusionCache L1 + Redis IDistributedCache, JwtBearer{telemetry}"),
            (await OutputCachePeer.StartAsync(Name("peer_outputcache_redis", traced), redis, signingKey, output, traced), output,
                $"OutputCache in Redis, JwtBearer{telemetry}"),
        ]);
    }

    public IEnumerable<LoadTarget> Targets(string path, string token) =>
        _peers.Select(peer => new LoadTarget(peer.App.Name, new Uri(peer.App.Url, path), token, peer.Note));

    /// <summary>Remembers each peer's factory calls, so that calls during the load can be told from the warm-up's.</summary>
    public void MarkCalls()
    {
        foreach (var (app, source, _) in _peers)
        {
            _callsAtMark[app.Name] = source.Calls;
        }
    }

    /// <summary>The factory calls of the named peer since <see cref="MarkCalls"/>; null for a target that is no peer of this set.</summary>
    public long? CallsSinceMark(string name) =>
        _peers.FirstOrDefault(peer => peer.App.Name == name) is { App: not null } peer ? peer.Source.Calls - _callsAtMark[name] : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var (app, _, _) in _peers)
        {
            await app.DisposeAsync();
        }
    }

    private static string Name(string peer, bool traced) => traced ? $"{peer}_traced" : peer;
}
