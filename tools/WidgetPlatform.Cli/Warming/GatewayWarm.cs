using Spectre.Console;
using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.Cli.Warming;

/// <summary>
/// Warms by asking the gateway for each widget's default view (no dates, no filters), N requests in flight: the answers go
/// through the same key builder, cache and stampede lock as a user's, so a miss here is exactly the computation a user
/// would otherwise have waited for, and two operators (or a user) warming at once still compute each key once.
/// </summary>
public static class GatewayWarm
{
    private const string Bypass = "bypass";
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<WarmTally>> RunAsync(
        IAnsiConsole console, GatewayClient gateway, WarmPlan plan, int parallelism, CancellationToken cancellationToken)
    {
        var tallies = plan.Studies.ToDictionary(study => study.StudyId, study => new WarmTally(study.StudyId, study.WidgetIds.Count), StringComparer.Ordinal);
        var started = TimeProvider.System.GetTimestamp();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = plan.Studies.ToDictionary(
                    study => study.StudyId,
                    study => context.AddTask(Describe(tallies[study.StudyId]), maxValue: Math.Max(1, study.WidgetIds.Count)),
                    StringComparer.Ordinal);
                foreach (var empty in plan.Studies.Where(study => study.WidgetIds.Count == 0))
                {
                    bars[empty.StudyId].Description = $"{Markup.Escape(empty.StudyId)}: no widgets";
                    bars[empty.StudyId].StopTask();
                }

                var targets = plan.Studies.SelectMany(study => study.WidgetIds.Select(widget => (study.StudyId, WidgetId: widget)));
                var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(targets, options, async (target, token) =>
                {
                    var tally = tallies[target.StudyId];
                    try
                    {
                        var result = await gateway.RequestWidgetDataAsync(target.StudyId, target.WidgetId, token);
                        if (result == Bypass)
                        {
                            // A bypass means the gateway could not store the answer just then (one slow Redis call is enough
                            // on a busy machine): ask once more before calling the item failed.
                            tally.RecordRetry();
                            await Task.Delay(RetryPause, token);
                            result = await gateway.RequestWidgetDataAsync(target.StudyId, target.WidgetId, token);
                        }

                        tally.Record(target.WidgetId, result);
                    }
                    catch (CommandFailedException exception) when (exception.ExitCode != ExitCodes.CannotConnect)
                    {
                        // One widget failing (404, 400, 500) is that item's error; losing the gateway or the token ends the run.
                        tally.Error(target.WidgetId, exception.Message);
                    }

                    var bar = bars[target.StudyId];
                    bar.Increment(1);
                    bar.Description = Describe(tally);
                    if (tally.Done == tally.Items)
                    {
                        tally.Duration = TimeProvider.System.GetElapsedTime(started);
                    }
                });
            });

        return [.. plan.Studies.Select(study => tallies[study.StudyId])];
    }

    private static string Describe(WarmTally tally) =>
        $"{Markup.Escape(tally.StudyId)}: {tally.Done}/{tally.Items}  hit {tally.Hits}  miss {tally.Misses}" +
        (tally.Stale > 0 ? $"  stale {tally.Stale}" : "") +
        (tally.Errors > 0 ? $"  [red]errors {tally.Errors}[/]" : "");
}
