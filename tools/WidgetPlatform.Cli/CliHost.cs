using WidgetPlatform.Cli.Configuration;

namespace WidgetPlatform.Cli;

/// <summary>
/// Where the CLI writes and what it reads from its process (current directory, environment), passed in rather than read
/// from statics so tests can run commands in-process with captured output and a controlled environment.
/// </summary>
public sealed record CliHost(TextWriter Out, TextWriter Error, CliEnvironment Environment, bool IsTerminal = false)
{
    public static CliHost Process => new(
        Console.Out, Console.Error, CliEnvironment.Process, IsTerminal: !Console.IsOutputRedirected);
}
