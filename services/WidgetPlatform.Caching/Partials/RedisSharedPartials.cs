using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Caching.Partials;

/// <summary>
/// Daily partials in Redis, so that a widget shape's partials are built by one scan in the fleet and loaded by every other
/// replica. Through the circuit breaker: with Redis away, each process builds its own, as before.
/// </summary>
public sealed partial class RedisSharedPartials(IConnectionMultiplexer redis, RedisCircuit circuit, WidgetCacheOptions options, ILogger<RedisSharedPartials> logger)
    : ISharedPartials
{
    public async Task<byte[]?> LoadAsync(DatasetSnapshot snapshot, string key)
    {
        var (_, value) = await circuit.TryAsync(() => redis.GetDatabase().StringGetAsync(RedisKey(snapshot, key)));
        return value.HasValue ? (byte[]?)value : null;
    }

    public async Task SaveAsync(DatasetSnapshot snapshot, string key, byte[] partials)
    {
        if (partials.Length > options.MaxSharedPartialsBytes)
        {
            LogTooLarge(logger, snapshot.StudyId, snapshot.Dataset, partials.Length);
            return;
        }

        // Sent without waiting for Redis's reply, which would hold the pass's answers back for a round trip: the entries the
        // pass stores next go out after it on the same connection, so whoever reads those entries can load these partials.
        await circuit.TryAsync(() => redis.GetDatabase().StringSetAsync(RedisKey(snapshot, key), partials, options.SharedPartialsTtl, flags: CommandFlags.FireAndForget));
    }

    public async Task<IReadOnlyCollection<string>> WideShapesAsync(DatasetSnapshot snapshot, IReadOnlyList<string> shapes)
    {
        var (reachable, known) = await circuit.TryAsync(() =>
            redis.GetDatabase().SetContainsAsync(RedisKeys.WideShapes(snapshot.StudyId), [.. shapes.Select(shape => (RedisValue)Hash(shape))]));
        return reachable ? [.. shapes.Where((_, index) => known![index])] : [];
    }

    public async Task SaveWideAsync(DatasetSnapshot snapshot, string shape)
    {
        // Fire and forget, like the partials: a process that does not hear of it builds the partials once and learns by itself.
        var key = RedisKeys.WideShapes(snapshot.StudyId);
        await circuit.TryAsync(async () =>
        {
            var database = redis.GetDatabase();
            await database.SetAddAsync(key, Hash(shape), CommandFlags.FireAndForget);
            await database.KeyExpireAsync(key, options.SharedPartialsTtl, CommandFlags.FireAndForget);
        });
    }

    private static string RedisKey(DatasetSnapshot snapshot, string key) => RedisKeys.SharedPartials(snapshot.StudyId, Hash(key));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Daily partials of {StudyId}/{Dataset} not shared: {Bytes} bytes is past MaxSharedPartialsBytes")]
    private static partial void LogTooLarge(ILogger logger, string studyId, string dataset, int bytes);
}
