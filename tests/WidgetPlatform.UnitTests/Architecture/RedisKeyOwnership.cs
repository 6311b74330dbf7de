extern alias invalidation;
extern alias warmer;
using WidgetPlatform.Caching.Cleanup;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Partials;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Caching.Statistics.Traffic;
using WidgetPlatform.Query.Alerts;
using WidgetPlatform.Query.Tracking;
using invalidation::WidgetPlatform.Invalidation.Cleanup;
using invalidation::WidgetPlatform.Invalidation.Ledger;
using invalidation::WidgetPlatform.Invalidation.Manifests;
using invalidation::WidgetPlatform.Invalidation.Widgets;
using warmer::WidgetPlatform.Warmer.Scheduling;

namespace WidgetPlatform.UnitTests.Architecture;

/// <summary>A family of Redis keys, the types that write it, and the programs that may use them (README, "Layout").</summary>
internal sealed record KeyFamily(string Keys, Type[] Writers, string[] Owners);

/// <summary>Who owns which Redis keys: the single-writer rules of docs/design.md §5 and §7 as data the tests check.</summary>
internal static class RedisKeyOwnership
{
    public const string Gateway = "WidgetPlatform.Query";
    public const string Warmer = "WidgetPlatform.Warmer";
    public const string Invalidation = "WidgetPlatform.Invalidation";
    public const string Cli = "widgetplatform";

    /// <summary>The programs; the libraries they share (Caching, Clients) own nothing, they hold writers for their owners.</summary>
    public static readonly string[] Programs = [Gateway, Warmer, Invalidation, Cli];

    public static readonly string[] SharedLibraries = ["WidgetPlatform.Caching", "WidgetPlatform.Clients"];

    public static readonly KeyFamily[] Families =
    [
        new("entries widget:{study}:… and their index:{study}:… membership, stored through the fence", [typeof(RedisEntries)], [Gateway, Warmer]),
        new("stampede locks lock:…", [typeof(StampedeLock)], [Gateway, Warmer]),
        new("stale stampede locks and dangling index members, removed", [typeof(StaleKeyCleanup)], [Warmer, Cli]),
        new("fleet statistics stats:fleet, each process its own field", [typeof(FleetStatisticsStore)], [Gateway, Warmer]),
        new("active combinations active:{study}", [typeof(ActiveCombinationsFlusher)], [Gateway]),
        new("alert transitions logged alerts:logged:{alert}", [typeof(AlertTransitions)], [Gateway]),
        new("statistics over time traffic:{scope}:…: buckets, totals, invalidations, hits per entry", [typeof(TrafficStore)], [Gateway, Warmer]),
        new("schedule leases schedule:{job}", [typeof(ScheduleLease)], [Warmer]),
        new("the manifest mirror manifest:{study} and studies, and the passes pass:{study}:… it marks pending as versions arrive", [typeof(ManifestMirrorWriter)], [Invalidation]),
        new("pending passes pass:{study}:…, claimed", [typeof(PendingPasses)], [Warmer]),
        new("shared daily partials partials:{study}:…, and the shapes found wide partials-wide:{study}", [typeof(RedisSharedPartials)], [Gateway, Warmer]),
        new("widget epochs epochs:{study}, and the removal of a widget's entries", [typeof(InvalidationStore)], [Invalidation]),
        new("superseded and expired entries and index members, removed", [typeof(SupersededKeys)], [Invalidation]),
        new("the ledger announced:{study}, revisions:{study}, revision-claims:{study}", [typeof(InvalidationLedger)], [Invalidation]),
    ];
}
