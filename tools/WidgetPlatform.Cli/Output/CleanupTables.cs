using Spectre.Console;
using WidgetPlatform.Caching.Cleanup;

namespace WidgetPlatform.Cli.Output;

/// <summary>What a cleanup found: every stale lock by name, dangling index members counted per index with examples.</summary>
public static class CleanupTables
{
    public static void Write(IAnsiConsole console, StaleKeyReport report, StaleKeyCleanupOptions options)
    {
        var verb = report.DryRun ? "would remove" : "removed";
        if (options.Locks)
        {
            console.MarkupLine($"[bold]Locks:[/] {Figures.Count(report.LocksExamined)} examined, {Figures.Count(report.StaleLockCount)} stale.");
            if (report.StaleLocks.Count > 0)
            {
                var table = new Table().AddColumn("Stale lock").AddColumn("Expiry").AddColumn("Action");
                foreach (var staleLock in report.StaleLocks)
                {
                    table.AddRow(
                        Markup.Escape(staleLock.Key),
                        staleLock.RemainingTtl is { } ttl ? $"{Figures.Duration(ttl)} left (over {Figures.Duration(options.LockTimeout)})" : "none",
                        verb);
                }

                console.Write(table);
            }
        }

        if (options.IndexMembers)
        {
            console.MarkupLine(
                $"[bold]Indexes:[/] {Figures.Count(report.IndexesExamined)} examined ({Figures.Count(report.IndexMembersExamined)} members), " +
                $"{Figures.Count(report.DanglingMemberCount)} members name entries that no longer exist.");
            if (report.DanglingIndexes.Count > 0)
            {
                var table = new Table().AddColumn("Index").AddColumn(new TableColumn("Dangling members").RightAligned()).AddColumn("Examples").AddColumn("Action");
                foreach (var index in report.DanglingIndexes)
                {
                    table.AddRow(Markup.Escape(index.IndexKey), Figures.Count(index.Count), Markup.Escape(string.Join("\n", index.Examples)), verb);
                }

                console.Write(table);
            }
        }

        console.MarkupLine(report.DryRun
            ? $"[yellow]Dry run:[/] nothing removed; {Figures.Count(report.StaleLockCount)} lock(s) and {Figures.Count(report.DanglingMemberCount)} index member(s) would go."
            : $"[green]Removed[/] {Figures.Count(report.StaleLockCount)} lock(s) and {Figures.Count(report.DanglingMemberCount)} index member(s).");
    }
}
