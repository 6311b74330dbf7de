namespace WidgetPlatform.Caching.Statistics;

/// <summary>The cache layers a request looks in before anything is computed (docs/cache.md, "Layers").</summary>
public enum LookupLayer
{
    /// <summary>This process's in-memory layer (L1).</summary>
    Memory,

    /// <summary>The shared Redis (L2).</summary>
    Redis,
}
