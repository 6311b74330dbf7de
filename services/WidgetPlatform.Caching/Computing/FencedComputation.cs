using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching.Computing;

/// <summary>
/// A computation and its store through the fence (G1, G3): what a lock holder does, and what a request does without the
/// lock when Redis is being bypassed (G6).
/// </summary>
public sealed partial class FencedComputation(
    RedisEntries entries,
    WidgetComputer computer,
    LocalEntries local,
    RedisCircuit circuit,
    WidgetCacheOptions options,
    ILogger<FencedComputation> logger)
{
    private static readonly Counter<long> Stores = PlatformTelemetry.Meter.CreateCounter<long>(
        "widgetplatform.cache.stores", "{entry}", "Computed entries offered to Redis, by outcome: stored, superseded or invalidated (refused by the fence), too large");

    public async Task<CacheAnswer> ComputeAndStoreAsync(WidgetRequest request)
    {
        // The epoch is read before computing: an invalidation during the computation then fences the store out.
        var (reachable, epoch) = await circuit.TryAsync(() => entries.EpochAsync(request.Key));
        var entry = await computer.ComputeAsync(request, CancellationToken.None);
        return await StoreAsync(request, entry, reachable ? epoch : null);
    }

    /// <summary>The keys' fence epochs as they are now, one command per study; null where Redis could not be read (that answer is then not stored).</summary>
    public async Task<string?[]> ReadEpochsAsync(IReadOnlyList<WidgetRequest> requests)
    {
        var epochs = new string?[requests.Count];
        await Task.WhenAll(Enumerable.Range(0, requests.Count).GroupBy(index => requests[index].StudyId, StringComparer.Ordinal).Select(async study =>
        {
            var indexes = study.ToArray();
            var (reachable, read) = await circuit.TryAsync(() => entries.EpochsAsync(study.Key, [.. indexes.Select(index => requests[index].Key)]));
            for (var position = 0; reachable && position < indexes.Length; position++)
            {
                epochs[indexes[position]] = read![position];
            }
        }));
        return epochs;
    }

    /// <summary>
    /// A pass (<see cref="WidgetComputer.ComputePassAsync"/>) under the locks of all its keys: each entry is stored through
    /// its own fence. Per request its answer, or why it could not be computed.
    /// </summary>
    /// <param name="epochs">Each key's epoch (<see cref="ReadEpochsAsync"/>), read before the one scan.</param>
    /// <param name="done">Called with a request's index as soon as its entry is stored (or failed): its lock can go then.</param>
    public async Task<(CacheAnswer? Answer, Exception? Error)[]> ComputeAndStorePassAsync(
        IReadOnlyList<WidgetRequest> requests, IReadOnlyList<string?> epochs, Func<int, Task> done)
    {
        var computed = await computer.ComputePassAsync(requests, CancellationToken.None);
        return await Task.WhenAll(requests.Select(async (request, index) =>
        {
            var answer = computed[index].Entry is { } entry ? await StoreAsync(request, entry, epochs[index]) : (CacheAnswer?)null;
            await done(index);
            return (answer, answer is null ? computed[index].Error : null);
        }));
    }

    /// <param name="epoch">The key's epoch read before computing; null when Redis could not be read then.</param>
    private async Task<CacheAnswer> StoreAsync(WidgetRequest request, CacheEntry entry, string? epoch)
    {
        if (epoch is null)
        {
            return new CacheAnswer(entry, CacheResult.Bypass);
        }

        if (entry.Stored.Length > options.MaxEntryBytes)
        {
            Stores.Add(1, new KeyValuePair<string, object?>("outcome", StoreOutcome.TooLarge));
            LogNotStored(logger, request.Key.Value, StoreOutcome.TooLarge);
            return new CacheAnswer(entry, CacheResult.Bypass);
        }

        var (stored, outcome) = await circuit.TryAsync(() => entries.StoreAsync(request, entry, epoch));
        if (!stored)
        {
            return new CacheAnswer(entry, CacheResult.Bypass);
        }

        Stores.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == StoreOutcome.Stored)
        {
            local.Set(request.StudyId, request.Key.WidgetId, entry);
        }
        else
        {
            LogNotStored(logger, request.Key.Value, outcome);
        }

        return new CacheAnswer(entry, CacheResult.Miss);
    }

    /// <summary>Computes without Redis: the answer is correct, only not shared.</summary>
    public async Task<CacheAnswer> ComputeWithoutStoringAsync(WidgetRequest request) =>
        new(await computer.ComputeAsync(request, CancellationToken.None), CacheResult.Bypass);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Entry {Key} served but not stored: {Outcome}")]
    private static partial void LogNotStored(ILogger logger, string key, StoreOutcome outcome);
}
