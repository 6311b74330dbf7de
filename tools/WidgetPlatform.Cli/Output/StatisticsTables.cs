using Spectre.Console;
using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.Cli.Output;

/// <summary>The statistics of docs/design.md §6 as tables, one figure per row, in the order an operator scans them.</summary>
public static class StatisticsTables
{
    public static void WriteFleet(IAnsiConsole console, FleetStatistics stats)
    {
        var table = new Table().Title("[bold]Cache statistics (fleet)[/]").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        var requests = stats.Requests ?? new RequestCounts(0, 0, 0, 0, 0);
        var redis = stats.Redis ?? new RedisFigures(false, 0, 0, 0, 0, null);
        Row(table, "Health score", $"{stats.HealthScore} / 100");
        Row(table, "Hit rate", Figures.Percent(stats.HitRate));
        Row(table, "Requests", Figures.Count(requests.Total));
        Row(table, "  hit / miss / stale / bypass",
            $"{Figures.Count(requests.Hit)} / {Figures.Count(requests.Miss)} / {Figures.Count(requests.Stale)} / {Figures.Count(requests.Bypass)}");
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
        Row(table, "Instances reporting", string.Join(", ", stats.Instances ?? []) is { Length: > 0 } instances ? instances : "none");
        console.Write(table);
        WriteAlerts(console, stats.Alerts ?? []);
    }

    public static void WriteStudy(IAnsiConsole console, StudyStatistics stats)
    {
        var summary = new Table().Title($"[bold]Cache statistics: {Markup.Escape(stats.StudyId)}[/]")
            .AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        Row(summary, "Cached entries", Figures.Count(stats.CachedEntries));
        Row(summary, "Active combinations", Figures.Count(stats.ActiveCombinations));
        foreach (var (dataset, version) in (stats.DatasetVersions ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Row(summary, $"Version of {dataset}", version);
        }

        console.Write(summary);

        var widgets = new Table().AddColumn("Widget").AddColumn("Data version").AddColumn(new TableColumn("Cached entries").RightAligned());
        foreach (var widget in stats.Widgets ?? [])
        {
            widgets.AddRow(Markup.Escape(widget.WidgetId), Markup.Escape(widget.DataVersion ?? Figures.None), Figures.Count(widget.CachedEntries));
        }

        console.Write(widgets);
    }

    public static void WriteAlerts(IAnsiConsole console, IReadOnlyList<string> alerts)
    {
        if (alerts.Count == 0)
        {
            console.MarkupLine("[green]No alerts.[/]");
            return;
        }

        console.MarkupLine($"[red bold]{alerts.Count} alert(s):[/]");
        foreach (var alert in alerts)
        {
            console.MarkupLine($"  [red]ALERT[/] {Markup.Escape(alert)}");
        }
    }

    private static string Timing(Timing? timing) => $"{Figures.Milliseconds(timing?.AverageMs)} / {Figures.Milliseconds(timing?.P95Ms)}";

    private static void Row(Table table, string figure, string value) => table.AddRow(Markup.Escape(figure), Markup.Escape(value));
}
