using System.Text.Json;
using Spectre.Console;
using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.Cli.Warming;

/// <summary>
/// <c>warm --force</c>: the warmer recomputes every active and priority entry, present or not, which only it knows. The CLI
/// subscribes to each study's events first (and waits for <c>connected</c>, so the answer cannot slip past), posts the
/// warm-up, then waits for each study's <c>fresh-data</c>, which carries the warmer's own report.
/// </summary>
public static class ForcedWarm
{
    private const string Connected = "connected";
    private const string FreshData = "fresh-data";

    public static async Task<IReadOnlyList<ForcedWarmOutcome>> RunAsync(
        IAnsiConsole console, GatewayClient gateway, IReadOnlyList<string> studies, string? studyId, IReadOnlyList<string> widgetIds,
        WarmViews views, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var streams = new List<StudyEvents>(studies.Count);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            foreach (var study in studies)
            {
                var stream = await gateway.OpenEventsAsync(study, cancellationToken);
                streams.Add(stream);
                if (await WaitAsync(stream, Connected, deadline.Token, cancellationToken) is null)
                {
                    throw CommandFailedException.Failed($"The gateway did not confirm the event subscription of {study} within {timeout.TotalSeconds:0} s.");
                }
            }

            await gateway.RequestWarmupAsync(
                new WarmupRequest(studyId, widgetIds.Count > 0 ? widgetIds : null, Force: true, views.Ranges.Count > 0 ? views.Ranges : null, views.Filters),
                cancellationToken);
            var outcomes = new ForcedWarmOutcome[streams.Count];
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    await Task.WhenAll(streams.Select(async (stream, index) =>
                    {
                        var bar = context.AddTask($"{Markup.Escape(stream.StudyId)}: waiting for the warmer", maxValue: 1);
                        var data = await WaitAsync(stream, FreshData, deadline.Token, cancellationToken);
                        outcomes[index] = new ForcedWarmOutcome(stream.StudyId, data is not null, data is null ? null : Parse(data));
                        bar.Description = outcomes[index] switch
                        {
                            { Report: { } report } =>
                                $"{Markup.Escape(stream.StudyId)}: {report.EntriesWarmed} entries of {report.WidgetsWarmed} widgets in {report.DurationMs} ms",
                            { Reported: true } => $"{Markup.Escape(stream.StudyId)}: warmed (the report was unreadable)",
                            _ => $"{Markup.Escape(stream.StudyId)}: [red]no report within {timeout.TotalSeconds:0} s[/]",
                        };
                        bar.Value = 1;
                        bar.StopTask();
                    }));
                });

            return outcomes;
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>The event's data; null when the deadline passed or the stream ended first (the caller's own cancellation throws).</summary>
    private static async Task<string?> WaitAsync(StudyEvents stream, string eventType, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.WaitForAsync(eventType, deadline);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static StudyWarmed? Parse(string data)
    {
        try
        {
            return JsonSerializer.Deserialize<StudyWarmed>(data, GatewayClient.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One study's forced warm: whether <c>fresh-data</c> came in time, and the warmer's report it carried.</summary>
public sealed record ForcedWarmOutcome(string StudyId, bool Reported, StudyWarmed? Report);
