using System.CommandLine;
using Spectre.Console;
using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.Cli.Commands;

/// <summary><c>invalidate</c>: asks the platform to drop a study's cached entries (all, some widgets, or some tags).</summary>
public static class InvalidateCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var study = IdentifierOptions.One("--study", "The study whose cache to invalidate.", required: true);
        var widgets = IdentifierOptions.Many("--widget", "Only this widget (repeat for several).");
        var tags = TagOptions.Many(
            "--tag", "Only widgets carrying this tag, matched whole and ignoring case (repeat for several; quote one with spaces).");
        var datasets = IdentifierOptions.Many("--dataset", "Only widgets reading this dataset of --layer (repeat for several).");
        var layer = new Option<string>("--layer") { Description = "The layer of --dataset: source or transformed.", DefaultValueFactory = _ => "source" };
        layer.AcceptOnlyFromAmong("source", "transformed");
        var command = new Command(
            "invalidate",
            "Drops cached entries: the named widgets, the widgets with the tags, the widgets reading the datasets, or (with none) every widget of the study. " +
            "The invalidation service does the work; the warmer then recomputes the active combinations.")
        {
            study, widgets, tags, datasets, layer,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var named = NullIfEmpty(result.GetValue(datasets));
            var request = new InvalidationRequest(
                result.GetValue(study)!, NullIfEmpty(result.GetValue(widgets)), NullIfEmpty(result.GetValue(tags)), named is null ? null : result.GetValue(layer), named);
            await session.Gateway.RequestInvalidationAsync(request, cancellationToken);
            session.Console.MarkupLine($"[green]Accepted (202):[/] invalidation of {Markup.Escape(Describe(request))} in {Markup.Escape(request.StudyId)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(InvalidationRequest request)
    {
        List<string> parts = [];
        if (request.WidgetIds is { } widgets)
        {
            parts.Add($"widget(s) {string.Join(", ", widgets)}");
        }

        if (request.Tags is { } tags)
        {
            parts.Add($"widgets tagged {Quoted(tags)}");
        }

        if (request.Datasets is { } datasets)
        {
            parts.Add($"widgets reading {request.Layer} dataset(s) {string.Join(", ", datasets)}");
        }

        return parts.Count == 0 ? "every widget" : string.Join(" and ", parts);
    }

    // A tag may hold spaces and commas: quoted, the list still reads as the tags that were sent.
    private static string Quoted(IEnumerable<string> tags) => string.Join(", ", tags.Select(tag => $"\"{tag}\""));

    private static string[]? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;
}
