namespace WidgetPlatform.Caching.Statistics;

/// <summary>How often one cache layer was looked in for a request's entry, and how often it held a fresh one.</summary>
public sealed record LayerLookups(long Hits, long Misses)
{
    public static readonly LayerLookups None = new(0, 0);

    public double? HitRate => Hits + Misses == 0 ? null : (double)Hits / (Hits + Misses);

    public LayerLookups Add(LayerLookups other) => new(Hits + other.Hits, Misses + other.Misses);
}
