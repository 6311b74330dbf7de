using System.CommandLine;
using System.Text.Json;
using WidgetPlatform.Cli.Gateway;
using WidgetPlatform.Cli.Output;

namespace WidgetPlatform.Cli.Commands;

/// <summary><c>status</c>: the statistics of docs/design.md §6 as a table, or the gateway's JSON as is for monitoring systems.</summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var study = IdentifierOptions.One("--study", "One study's statistics (dataset versions, cached entries per widget) instead of the fleet's.");
        var json = new Option<bool>("--json") { Description = "Print the gateway's JSON unchanged (alerts, with --alerts, go to stderr)." };
        var alerts = new Option<bool>("--alerts") { Description = "Exit with 2 when the fleet report has alerts, printing them; 0 otherwise." };
        var command = new Command("status", "Shows cache statistics: hit rate, response times, Redis, locks, warming, health score and alerts.")
        {
            study, json, alerts,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            return await RunAsync(session, result.GetValue(study), result.GetValue(json), result.GetValue(alerts), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandSession session, string? studyId, bool asJson, bool checkAlerts, CancellationToken cancellationToken)
    {
        var gateway = session.Gateway;
        var body = studyId is null
            ? await gateway.FleetStatisticsJsonAsync(cancellationToken)
            : await gateway.StudyStatisticsJsonAsync(studyId, cancellationToken);

        FleetStatistics? fleet = studyId is null ? Read<FleetStatistics>(body) : null;
        if (asJson)
        {
            await session.Host.Out.WriteLineAsync(body);
        }
        else if (fleet is not null)
        {
            StatisticsTables.WriteFleet(session.Console, fleet);
        }
        else
        {
            StatisticsTables.WriteStudy(session.Console, Read<StudyStatistics>(body));
        }

        if (!checkAlerts)
        {
            return ExitCodes.Success;
        }

        // Alerts are fleet-wide (docs/design.md §6); a study's statistics carry none, so --study --alerts asks the fleet too.
        fleet ??= Read<FleetStatistics>(await gateway.FleetStatisticsJsonAsync(cancellationToken));
        var firing = fleet.Alerts ?? [];
        if (asJson)
        {
            foreach (var alert in firing)
            {
                await session.Host.Error.WriteLineAsync($"ALERT {alert}");
            }
        }
        else if (studyId is not null)
        {
            StatisticsTables.WriteAlerts(session.Console, firing);
        }

        return firing.Count == 0 ? ExitCodes.Success : ExitCodes.AlertsFiring;
    }

    private static T Read<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, GatewayClient.Json)
                ?? throw CommandFailedException.Failed("The gateway answered the statistics request with null.");
        }
        catch (JsonException exception)
        {
            throw CommandFailedException.Failed($"The gateway's statistics are not the expected JSON: {exception.Message}", exception);
        }
    }
}
