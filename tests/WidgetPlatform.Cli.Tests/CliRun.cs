namespace WidgetPlatform.Cli.Tests;

/// <summary>One run of the CLI: its exit code and what it wrote to stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
