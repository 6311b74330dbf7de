using System.CommandLine;
using System.CommandLine.Help;
using WidgetPlatform.Cli.Commands;

namespace WidgetPlatform.Cli;

/// <summary>
/// The <c>widgetplatform</c> command line: parses, runs one command, and turns every expected failure into one line on
/// stderr and its exit code (see <see cref="ExitCodes"/>).
/// </summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand(CliHost host)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand($"""
            Admin CLI of a running WidgetPlatform: warm, inspect, invalidate and clean its cache, entry by entry if need be.

            {ExitCodes.Help}
            """)
        {
            WarmCommand.Create(globals, host),
            StatusCommand.Create(globals, host),
            InvalidateCommand.Create(globals, host),
            EntryCommand.Create(globals, host),
            CleanupCommand.Create(globals, host),
        };
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var parse = CreateRootCommand(host).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await host.Error.WriteLineAsync($"error: {error.Message}");
            }

            await host.Error.WriteLineAsync("Run 'widgetplatform --help' (or 'widgetplatform <command> --help') for usage.");
            return ExitCodes.BadUsage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = host.Out, Error = host.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CommandFailedException exception)
        {
            await host.Error.WriteLineAsync($"error: {exception.Message}");
            return exception.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await host.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Failure;
        }
    }
}
