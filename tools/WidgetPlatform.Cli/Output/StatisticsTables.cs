using Spectre.Console;
using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.Cli.Output;

/// <summary>The statistics of docs/design.md §6 as tables, one figure per row, in the order an operator scans them.</summary>
public static class StatisticsTables
{
    public static void WriteFleet(IAnsiConsole console, FleetStatistics stats, bool detailed)
    {
        var table = new Table().Title("[bold]Cache statistics (fleet)[/]").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        var requests = stats.Requests ?? new RequestCounts(0, 0, 0, 0, 0);
        var redis = stats.Redis ?? new RedisFigures(false, 0, 0, 0, 0, null);
        Row(table, "Health score", $"{stats.HealthScore} / 100");
        Row(table, "Hit rate", Figures.Percent(stats.HitRate));
        Row(table, "Requests", Figures.Count(requests.Total));
        Row(table, "  hit / miss / stale / bypass",
            $"{Figures.Count(requests.Hit)} / {Figures.Count(requests.Miss)} / {Figures.Count(requests.Stale)} / {Figures.Count(requests.Bypass)}");
        Row(table, "  found in memory / in Redis", $"{Layer(stats.Lookups?.Memory)} / {Layer(stats.Lookups?.Redis)}");
        Row(table, "Response time cached (avg / p95)", Timing(stats.ResponseTime?.Cached));
        Row(table, "Response time uncached (avg / p95)", Timing(stats.ResponseTime?.Uncached));
        Row(table, "Errors", Figures.Count(stats.Errors));
        Row(table, "Redis", redis.Available ? "available" : "UNAVAILABLE");
        Row(table, "Redis keys", Figures.Count(redis.Keys));
        Row(table, "Redis memory", redis.MaxMemoryBytes > 0
            ? $"{Figures.Bytes(redis.UsedMemoryBytes)} of {Figures.Bytes(redis.MaxMemoryBytes)} ({Figures.Percent(redis.MemoryUsage)})"
            : $"{Figures.Bytes(redis.UsedMemoryBytes)} (no limit)");
        Row(table, "Evicted keys", Figures.Count(redis.EvictedKeys));
        Row(table, "Last invalidation", Figures.Time(stats.LastInvalidationAt));
        Row(table, "Active cached widgets", Figures.Count(stats.ActiveCachedWidgets));
        Row(table, "Computations", Figures.Count(stats.Computations));
        Row(table, "Lock waits / failures", $"{Figures.Count(stats.Locks?.Waits ?? 0)} / {Figures.Count(stats.Locks?.Failures ?? 0)}");
        Row(table, "Warming runs / entries warmed", $"{Figures.Count(stats.Warming?.Runs ?? 0)} / {Figures.Count(stats.Warming?.EntriesWarmed ?? 0)}");
        Row(table, "Alerts firing", stats.Alerts is { Count: > 0 } alerts ? string.Join(" ", alerts) : "none");
        Row(table, "Instances reporting", string.Join(", ", stats.Instances ?? []) is { Length: > 0 } instances ? instances : "none");
        console.Write(table);
        if (detailed && stats.Traffic is { } traffic)
        {
            console.Write(TrafficTable("Fleet traffic over time", traffic, fleet: true));
        }
    }

    /// <summary>A layer's hit rate with the lookups it is of: "97.0% of 1,204".</summary>
    private static string Layer(LayerLookups? lookups) =>
        lookups is { } layer ? $"{Figures.Percent(layer.HitRate)} of {Figures.Count(layer.Hits + layer.Misses)}" : "n/a";

    public static void WriteStudy(IAnsiConsole console, StudyStatistics stats, bool detailed)
    {
        var summary = new Table().Title($"[bold]Cache statistics: {Markup.Escape(stats.StudyId)}[/]")
            .AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        Row(summary, "Cached entries", Figures.Count(stats.CachedEntries));
        Row(summary, "Entry memory in Redis", Figures.Bytes(stats.EntryMemoryBytes));
        Row(summary, "Active combinations", Figures.Count(stats.ActiveCombinations));
        Row(summary, "Hit rate (last 5 minutes)", Figures.Percent(stats.Traffic?.Last5Minutes?.HitRate));
        Row(summary, "Last invalidation", Figures.Time(stats.LastInvalidationAt));
        Row(summary, "Invalidations in the last hour", Figures.Count(stats.InvalidationsLastHour));
        foreach (var (dataset, version) in (stats.DatasetVersions ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Row(summary, $"Version of {dataset}", version);
        }

        console.Write(summary);

        var widgets = new Table().AddColumn("Widget").AddColumn("Data version").AddColumn(new TableColumn("Cached entries").RightAligned())
            .AddColumn(new TableColumn("Memory").RightAligned()).AddColumn(new TableColumn("Requests (5 min)").RightAligned())
            .AddColumn(new TableColumn("Hit rate (5 min)").RightAligned()).AddColumn(new TableColumn("p95 (5 min)").RightAligned())
            .AddColumn(new TableColumn("Requests (since start)").RightAligned());
        foreach (var widget in stats.Widgets ?? [])
        {
            var recent = widget.Traffic?.Last5Minutes;
            widgets.AddRow(
                Markup.Escape(widget.WidgetId),
                Markup.Escape(widget.DataVersion ?? Figures.None),
                Figures.Count(widget.CachedEntries),
                Figures.Bytes(widget.EntryMemoryBytes),
                Figures.Count(recent?.Requests ?? 0),
                Figures.Percent(recent?.HitRate),
                Figures.Milliseconds(recent?.P95Ms),
                Figures.Count(widget.Traffic?.SinceStart?.Requests ?? 0));
        }

        console.Write(widgets);
        if (detailed)
        {
            foreach (var widget in stats.Widgets ?? [])
            {
                if (widget.Traffic is { } traffic)
                {
                    console.Write(TrafficTable($"{widget.WidgetId} over time", traffic, fleet: false));
                }
            }
        }
    }

    public static void WriteWidget(IAnsiConsole console, WidgetStatistics stats)
    {
        var summary = new Table().Title($"[bold]Widget {Markup.Escape(stats.WidgetId)}[/]").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        Row(summary, "Data version", stats.DataVersion ?? Figures.None);
        Row(summary, "Cached entries", Figures.Count(stats.CachedEntries));
        Row(summary, "Entry memory in Redis", Figures.Bytes(stats.EntryMemoryBytes));
        console.Write(summary);
        if (stats.Traffic is { } traffic)
        {
            console.Write(TrafficTable($"{stats.WidgetId} over time", traffic, fleet: false));
        }
    }

    public static void WriteAlerts(IAnsiConsole console, IReadOnlyList<FiringAlert> alerts)
    {
        if (alerts.Count == 0)
        {
            console.MarkupLine("[green]No alerts.[/]");
            return;
        }

        var table = new Table().Title($"[red bold]{alerts.Count} alert(s) firing[/]").AddColumn("Alert").AddColumn("Since").AddColumn("What");
        foreach (var alert in alerts)
        {
            table.AddRow($"[red]{Markup.Escape(alert.Name)}[/]", Markup.Escape(Figures.Time(alert.Since)), Markup.Escape(alert.Message));
        }

        console.Write(table);
    }

    private static Table TrafficTable(string title, TrafficWindows traffic, bool fleet)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(title)}[/]").AddColumn("Window");
        foreach (var column in (string[])["Requests", "Hit / miss / stale / bypass", "Hit rate", "p50", "p95", "p99"])
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        if (fleet)
        {
            table.AddColumn(new TableColumn("Errors").RightAligned()).AddColumn(new TableColumn("Lock failures").RightAligned());
        }

        foreach (var (name, figures) in traffic.All)
        {
            var window = figures ?? new TrafficFigures(0, 0, 0, 0, 0, null, null, null, null, null, 0, null, 0, 0, 0);
            List<string> cells =
            [
                name == "since start" && traffic.Since is { } since ? $"since {Figures.Time(since)}" : name,
                Figures.Count(window.Requests),
                $"{Figures.Count(window.Hit)} / {Figures.Count(window.Miss)} / {Figures.Count(window.Stale)} / {Figures.Count(window.Bypass)}",
                Figures.Percent(window.HitRate),
                Figures.Milliseconds(window.P50Ms),
                Figures.Milliseconds(window.P95Ms),
                Figures.Milliseconds(window.P99Ms),
            ];
            if (fleet)
            {
                cells.Add(Figures.Count(window.Errors));
                cells.Add(Figures.Count(window.LockFailures));
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    private static string Timing(Timing? timing) => $"{Figures.Milliseconds(timing?.AverageMs)} / {Figures.Milliseconds(timing?.P95Ms)}";

    private static void Row(Table table, string figure, string value) => table.AddRow(Markup.Escape(figure), Markup.Escape(value));
}
