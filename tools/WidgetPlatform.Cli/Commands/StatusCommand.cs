using System.CommandLine;
using WidgetPlatform.Cli.Gateway;
using WidgetPlatform.Cli.Output;

namespace WidgetPlatform.Cli.Commands;

/// <summary>
/// <c>status</c>: the statistics of docs/design.md §6 as tables — the fleet's, a study's or one widget's, with their traffic
/// over time when detailed — or the gateway's JSON as is for monitoring systems; <c>--alerts</c> adds the firing alerts and
/// says so in the exit code.
/// </summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var study = IdentifierOptions.One("--study", "One study's statistics (versions, entries, invalidations, traffic per widget) instead of the fleet's.");
        var widget = IdentifierOptions.One("--widget", "One widget's statistics (with --study): its entries and traffic over time.");
        var detailed = new Option<bool>("--detailed") { Description = "Add the traffic over the last minute, 5 minutes, hour and since start (per widget with --study)." };
        var json = new Option<bool>("--json") { Description = "Print the gateway's JSON unchanged (alerts, with --alerts, go to stderr)." };
        var alerts = new Option<bool>("--alerts") { Description = "Show the firing alerts with their figures; exit with 2 when any fires, 0 otherwise." };
        var command = new Command("status", "Shows cache statistics: hit rate, response times, traffic over time, Redis, locks, warming, health score and alerts.")
        {
            study, widget, detailed, json, alerts,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(widget) is not null && result.GetValue(study) is null)
            {
                result.AddError("--widget needs --study: a widget id is unique only within its study.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var request = new StatusRequest(result.GetValue(study), result.GetValue(widget), result.GetValue(detailed), result.GetValue(json), result.GetValue(alerts));
            return await RunAsync(session, request, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandSession session, StatusRequest request, CancellationToken cancellationToken)
    {
        var gateway = session.Gateway;
        var body = request switch
        {
            { StudyId: { } studyId, WidgetId: { } widgetId } => await gateway.WidgetStatisticsJsonAsync(studyId, widgetId, cancellationToken),
            { StudyId: { } studyId } => await gateway.StudyStatisticsJsonAsync(studyId, cancellationToken),
            _ => await gateway.FleetStatisticsJsonAsync(cancellationToken),
        };

        if (request.Json)
        {
            await session.Host.Out.WriteLineAsync(body);
        }
        else if (request.WidgetId is not null)
        {
            StatisticsTables.WriteWidget(session.Console, GatewayClient.Read<WidgetStatistics>(body));
        }
        else if (request.StudyId is not null)
        {
            StatisticsTables.WriteStudy(session.Console, GatewayClient.Read<StudyStatistics>(body), request.Detailed);
        }
        else
        {
            StatisticsTables.WriteFleet(session.Console, GatewayClient.Read<FleetStatistics>(body), request.Detailed);
        }

        if (!request.Alerts)
        {
            return ExitCodes.Success;
        }

        // Alerts are fleet-wide (docs/cache.md, "Alerts"), whatever the report above was about.
        var firing = GatewayClient.Read<AlertReport>(await gateway.AlertsJsonAsync(cancellationToken)).Firing ?? [];
        if (request.Json)
        {
            foreach (var alert in firing)
            {
                await session.Host.Error.WriteLineAsync($"ALERT {alert.Name}: {alert.Message}");
            }
        }
        else
        {
            StatisticsTables.WriteAlerts(session.Console, firing);
        }

        return firing.Count == 0 ? ExitCodes.Success : ExitCodes.AlertsFiring;
    }

    private sealed record StatusRequest(string? StudyId, string? WidgetId, bool Detailed, bool Json, bool Alerts);
}
