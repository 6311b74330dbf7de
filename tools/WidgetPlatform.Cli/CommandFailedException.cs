namespace WidgetPlatform.Cli;

/// <summary>An expected failure: printed as one line on stderr with its exit code, never as a stack trace.</summary>
public sealed class CommandFailedException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static CommandFailedException CannotConnect(string message, Exception? inner = null) => new(ExitCodes.CannotConnect, message, inner);

    public static CommandFailedException BadUsage(string message) => new(ExitCodes.BadUsage, message);

    public static CommandFailedException Failed(string message, Exception? inner = null) => new(ExitCodes.Failure, message, inner);
}
