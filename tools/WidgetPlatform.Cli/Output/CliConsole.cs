using Spectre.Console;

namespace WidgetPlatform.Cli.Output;

/// <summary>
/// A Spectre console over the host's output writer: colours and the live progress bar on a terminal; plain text, at a fixed
/// width, when the output is redirected or captured, so logs and tests read the same words.
/// </summary>
public static class CliConsole
{
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Create(CliHost host)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(host.Out),
            Ansi = host.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = host.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = host.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!host.IsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
