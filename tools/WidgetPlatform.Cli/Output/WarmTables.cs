using Spectre.Console;
using WidgetPlatform.Cli.Warming;

namespace WidgetPlatform.Cli.Output;

/// <summary>The summary a warm ends with: per study and in total, then the first errors verbatim.</summary>
public static class WarmTables
{
    private const int ErrorsShown = 10;

    public static void WriteGatewayWarm(IAnsiConsole console, IReadOnlyList<WarmTally> tallies, TimeSpan duration)
    {
        var table = new Table().Title("[bold]Warm summary[/]").AddColumn("Study");
        foreach (var heading in new[] { "Items", "Hits", "Misses", "Stale", "Errors", "Duration" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var tally in tallies)
        {
            table.AddRow(
                Markup.Escape(tally.StudyId), Figures.Count(tally.Items), Figures.Count(tally.Hits), Figures.Count(tally.Misses),
                Figures.Count(tally.Stale), Errors(tally.Errors), Figures.Duration(tally.Duration));
        }

        if (tallies.Count > 1)
        {
            table.AddRow(
                "[bold]total[/]", Figures.Count(tallies.Sum(t => t.Items)), Figures.Count(tallies.Sum(t => t.Hits)),
                Figures.Count(tallies.Sum(t => t.Misses)), Figures.Count(tallies.Sum(t => t.Stale)), Errors(tallies.Sum(t => t.Errors)),
                Figures.Duration(duration));
        }

        console.Write(table);
        if (tallies.Sum(tally => tally.Retried) is > 0 and var retried)
        {
            console.MarkupLine($"{Figures.Count(retried)} item(s) answered without caching (bypass) at first were requested once more; the table counts the second answer.");
        }

        var errors = tallies.SelectMany(tally => tally.ErrorMessages).ToList();
        foreach (var error in errors.Take(ErrorsShown))
        {
            console.MarkupLine($"  [red]error[/] {Markup.Escape(error)}");
        }

        if (errors.Count > ErrorsShown)
        {
            console.MarkupLine($"  … and {errors.Count - ErrorsShown} more errors.");
        }
    }

    public static void WriteForcedWarm(IAnsiConsole console, IReadOnlyList<ForcedWarmOutcome> outcomes, TimeSpan duration)
    {
        var table = new Table().Title("[bold]Forced warm (as the warmer reports it)[/]").AddColumn("Study")
            .AddColumn(new TableColumn("Widgets warmed").RightAligned())
            .AddColumn(new TableColumn("Entries computed").RightAligned())
            .AddColumn(new TableColumn("Warmer time").RightAligned())
            .AddColumn("Result");
        foreach (var outcome in outcomes)
        {
            var report = outcome.Report;
            table.AddRow(
                Markup.Escape(outcome.StudyId),
                report is null ? Figures.None : Figures.Count(report.WidgetsWarmed),
                report is null ? Figures.None : Figures.Count(report.EntriesWarmed),
                report is null ? Figures.None : Figures.Duration(TimeSpan.FromMilliseconds(report.DurationMs)),
                outcome.Reported ? "[green]fresh-data received[/]" : "[red]no fresh-data in time[/]");
        }

        console.Write(table);
        console.MarkupLine($"Waited {Figures.Duration(duration)} in all.");
    }

    private static string Errors(int errors) => errors == 0 ? "0" : $"[red]{Figures.Count(errors)}[/]";
}
