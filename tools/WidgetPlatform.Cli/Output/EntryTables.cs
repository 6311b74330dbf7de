using Spectre.Console;
using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.Cli.Output;

/// <summary>Cache entries as tables: one entry's figures, or a widget's list.</summary>
public static class EntryTables
{
    public static void WriteDetails(IAnsiConsole console, CacheEntryDetails entry)
    {
        var table = new Table().Title($"[bold]Entry {Markup.Escape(entry.Key)}[/]").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        Row(table, "Widget", $"{entry.StudyId} / {entry.WidgetId}");
        Row(table, "Data version", entry.Current ? $"{entry.DataVersion} (current)" : $"{entry.DataVersion} (superseded)");
        Row(table, "Filter", entry.Filter);
        Row(table, "Size", entry.Compressed
            ? $"{Figures.Bytes(entry.SizeBytes)} (Brotli; the answer is {Figures.Bytes(entry.AnswerBytes)})"
            : Figures.Bytes(entry.SizeBytes));
        Row(table, "Memory in Redis", entry.MemoryBytes is { } memory ? Figures.Bytes(memory) : Figures.None);
        Row(table, "Computed at", Figures.Time(entry.CalculatedAt));
        Row(table, "Computation time", Figures.Milliseconds(entry.ComputationMs));
        Row(table, "Rows processed", entry.RowsProcessed is { } rows ? Figures.Count(rows) : Figures.None);
        Row(table, "TTL", $"{Seconds(entry.TtlLeftSeconds)} left of {entry.TtlSeconds} s");
        Row(table, "Hits", Figures.Count(entry.Hits));
        console.Write(table);
    }

    public static void WriteListing(IAnsiConsole console, CacheEntryListing listing)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(listing.WidgetId)}: {Figures.Count(listing.Total)} entries[/]")
            .AddColumn("Key").AddColumn("Data version").AddColumn(new TableColumn("Size").RightAligned())
            .AddColumn(new TableColumn("TTL left").RightAligned()).AddColumn(new TableColumn("Hits").RightAligned());
        foreach (var entry in listing.Entries ?? [])
        {
            table.AddRow(Markup.Escape(entry.Key), Markup.Escape(entry.DataVersion), Figures.Bytes(entry.SizeBytes), Seconds(entry.TtlLeftSeconds), Figures.Count(entry.Hits));
        }

        console.Write(table);
        if (listing.Truncated)
        {
            console.MarkupLine($"[yellow]{Figures.Count(listing.Total - (listing.Entries?.Count ?? 0))} more not listed (--limit).[/]");
        }
    }

    private static string Seconds(double? seconds) => seconds is { } value ? Figures.Duration(TimeSpan.FromSeconds(value)) : Figures.None;

    private static void Row(Table table, string figure, string value) => table.AddRow(Markup.Escape(figure), Markup.Escape(value));
}
