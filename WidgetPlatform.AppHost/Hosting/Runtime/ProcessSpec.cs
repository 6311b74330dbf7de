namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>How to start one child process.</summary>
/// <param name="Sidecars">Processes started before this one and stopped after it (RabbitMQ's own epmd).</param>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    IReadOnlyList<ProcessSpec> Sidecars)
{
    public ProcessSpec(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
        : this(fileName, arguments, environment, workingDirectory, [])
    {
    }
}
