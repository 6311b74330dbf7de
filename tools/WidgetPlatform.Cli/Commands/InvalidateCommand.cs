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
        var command = new Command(
            "invalidate",
            "Drops cached entries: the named widgets, the widgets with the tags, or (with neither) every widget of the study. " +
            "The invalidation service does the work; the warmer then recomputes the active combinations.")
        {
            study, widgets, tags,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var request = new InvalidationRequest(
                result.GetValue(study)!, NullIfEmpty(result.GetValue(widgets)), NullIfEmpty(result.GetValue(tags)));
            await session.Gateway.RequestInvalidationAsync(request, cancellationToken);
            session.Console.MarkupLine($"[green]Accepted (202):[/] invalidation of {Markup.Escape(Describe(request))} in {Markup.Escape(request.StudyId)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(InvalidationRequest request) =>
        (request.WidgetIds, request.Tags) switch
        {
            (null, null) => "every widget",
            (var widgets, null) => $"widget(s) {string.Join(", ", widgets)}",
            (null, var tags) => $"widgets tagged {Quoted(tags)}",
            var (widgets, tags) => $"widget(s) {string.Join(", ", widgets)} and widgets tagged {Quoted(tags)}",
        };

    // A tag may hold spaces and commas: quoted, the list still reads as the tags that were sent.
    private static string Quoted(IEnumerable<string> tags) => string.Join(", ", tags.Select(tag => $"\"{tag}\""));

    private static string[]? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;
}
