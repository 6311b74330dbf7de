using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching.Passes;

/// <summary>
/// What a warm pass did for one request: <see cref="CacheResult.Hit"/> when the entry was fresh already,
/// <see cref="CacheResult.Miss"/> when the pass computed and stored it, <see cref="CacheResult.Bypass"/> when it computed it but
/// could not store it; no result when another process was computing it, Redis was away, or it could not be computed (<see cref="Error"/>).
/// </summary>
public readonly record struct WarmOutcome(CacheResult? Result, Exception? Error = null)
{
    public bool Computed => Result is CacheResult.Miss or CacheResult.Bypass;
}
