using System.CommandLine;
using WidgetPlatform.Cli.Output;
using WidgetPlatform.Cli.Warming;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Cli.Commands;

/// <summary>
/// <c>warm</c>: without <c>--force</c>, requests each widget's default view through the gateway (see <see cref="GatewayWarm"/>);
/// with it, has the warmer recompute everything it tracks and waits for its report (see <see cref="ForcedWarm"/>).
/// </summary>
public static class WarmCommand
{
    public const int DefaultParallelism = 4;
    public const int MaxParallelism = 32;
    public const int DefaultTimeoutSeconds = 120;

    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var study = IdentifierOptions.One("--study", "Warm this study (default: every study the token may see).");
        var widgets = IdentifierOptions.Many("--widget", "Only this widget of --study (repeat for several).");
        var force = new Option<bool>("--force")
        {
            Description = "Have the warmer recompute every active and priority entry, cached or not, and wait for its fresh-data report.",
        };
        var parallel = new Option<int?>("--parallel")
        {
            Description = $"Widget requests in flight at once, 1–{MaxParallelism} (default {DefaultParallelism}). Not with --force: the warmer's own setting applies.",
        };
        // Nullable with the default applied in the action: command validators see only what was typed, not option defaults.
        var timeout = new Option<int?>("--timeout")
        {
            Description = $"With --force: seconds to wait for the warmer's report (default {DefaultTimeoutSeconds}).",
        };
        var ranges = new Option<string[]>("--range")
        {
            Description = $"With --force: a named range to warm too ({string.Join(", ", NamedRange.Names)}; repeat for several).",
            DefaultValueFactory = _ => [],
        };
        var filters = new Option<string[]>("--filter")
        {
            Description = "With --range: column=value for the ranged views (repeat; a column repeated is IN).",
            DefaultValueFactory = _ => [],
        };
        var command = new Command("warm", "Fills the cache so the next user hits: each widget's default view through the gateway, with a live progress bar.")
        {
            study, widgets, force, parallel, timeout, ranges, filters,
        };
        command.Validators.Add(result =>
        {
            if (WarmArguments.Check(result.GetValue(study), result.GetValue(widgets) ?? [], result.GetValue(force), result.GetValue(parallel), result.GetValue(timeout))
                is { } error)
            {
                result.AddError(error);
            }

            var (_, viewsError) = WarmViews.Parse(result.GetValue(ranges) ?? [], result.GetValue(filters) ?? []);
            if (viewsError is not null)
            {
                result.AddError(viewsError);
            }
            else if ((result.GetValue(ranges) ?? []).Length > 0 && !result.GetValue(force))
            {
                result.AddError("--range needs --force: the warmer computes the ranged views, over its own today.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var studyId = result.GetValue(study);
            var widgetIds = result.GetValue(widgets) ?? [];
            var started = TimeProvider.System.GetTimestamp();
            if (result.GetValue(force))
            {
                var studies = studyId is null ? await session.Gateway.ListStudiesAsync(cancellationToken) : [studyId];
                var views = WarmViews.Parse(result.GetValue(ranges) ?? [], result.GetValue(filters) ?? []).Views!;
                var outcomes = await ForcedWarm.RunAsync(
                    session.Console, session.Gateway, studies, studyId, widgetIds, views, TimeSpan.FromSeconds(result.GetValue(timeout) ?? DefaultTimeoutSeconds), cancellationToken);
                WarmTables.WriteForcedWarm(session.Console, outcomes, TimeProvider.System.GetElapsedTime(started));
                return outcomes.All(outcome => outcome.Reported) ? ExitCodes.Success : ExitCodes.Failure;
            }

            var plan = await WarmPlan.CreateAsync(session.Gateway, studyId, widgetIds, cancellationToken);
            var tallies = await GatewayWarm.RunAsync(session.Console, session.Gateway, plan, result.GetValue(parallel) ?? DefaultParallelism, cancellationToken);
            WarmTables.WriteGatewayWarm(session.Console, tallies, TimeProvider.System.GetElapsedTime(started));
            return tallies.Any(tally => tally.Errors > 0) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
