using System.CommandLine;
using Spectre.Console;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Cli.Gateway;
using WidgetPlatform.Cli.Output;

namespace WidgetPlatform.Cli.Commands;

/// <summary>
/// <c>entry list|show|delete</c>: one widget's entries, one entry in detail, one entry deleted everywhere — an operator's
/// view of what the cache holds (docs/cache.md, "Entry-level control"). An entry key names its study, so show and delete
/// need nothing else.
/// </summary>
public static class EntryCommand
{
    public static Command Create(GlobalOptions globals, CliHost host) =>
        new("entry", "Lists a widget's cache entries, shows one entry, or deletes one.")
        {
            List(globals, host),
            Show(globals, host),
            Delete(globals, host),
        };

    private static Command List(GlobalOptions globals, CliHost host)
    {
        var study = IdentifierOptions.One("--study", "The widget's study.", required: true);
        var widget = IdentifierOptions.One("--widget", "The widget.", required: true);
        var limit = new Option<int>("--limit") { Description = "Entries listed at most (1 to 1000).", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print the gateway's JSON unchanged." };
        var command = new Command("list", "Lists a widget's entries: key, data version, size, TTL left, hits.") { study, widget, limit, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var body = await session.Gateway.EntriesJsonAsync(result.GetValue(study)!, result.GetValue(widget)!, result.GetValue(limit), cancellationToken);
            if (result.GetValue(json))
            {
                await session.Host.Out.WriteLineAsync(body);
            }
            else
            {
                EntryTables.WriteListing(session.Console, GatewayClient.Read<CacheEntryListing>(body));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(GlobalOptions globals, CliHost host)
    {
        var key = KeyArgument();
        var json = new Option<bool>("--json") { Description = "Print the gateway's JSON unchanged." };
        var command = new Command("show", "Shows one entry: what it answers, size and memory, computed when and in how long, TTL left, hits.") { key, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var entry = EntryKey(result.GetValue(key)!);
            var body = await session.Gateway.EntryJsonAsync(entry.StudyId, entry.Value, cancellationToken);
            if (result.GetValue(json))
            {
                await session.Host.Out.WriteLineAsync(body);
            }
            else
            {
                EntryTables.WriteDetails(session.Console, GatewayClient.Read<CacheEntryDetails>(body));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(GlobalOptions globals, CliHost host)
    {
        var key = KeyArgument();
        var command = new Command("delete", "Deletes one entry everywhere: from Redis and every gateway's memory; the next request computes it again.") { key };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var entry = EntryKey(result.GetValue(key)!);
            await session.Gateway.DeleteEntryAsync(entry.StudyId, entry.Value, cancellationToken);
            session.Console.MarkupLine($"[green]Accepted (202):[/] deletion of {Markup.Escape(entry.Value)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> KeyArgument() =>
        new("key") { Description = "The entry's key, as metadata.key or 'entry list' gives it: widget:{studyId}:widgetId:version:hash." };

    /// <summary>The key as given, checked: it names its study, which the gateway's route needs.</summary>
    private static WidgetCacheKey EntryKey(string key) =>
        WidgetCacheKey.ParseNamed(key)
            ?? throw CommandFailedException.BadUsage($"'{key}' is not an entry key: widget:{{studyId}}:widgetId:version:hash, as metadata.key gives it.");
}
