using System.Diagnostics;
using System.Text.RegularExpressions;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// A pipeline in another language: the Python example of docs/messages.md, taken from the document and run as written
/// (only its broker address and version replaced) by Debian's own python3 with Debian's python3-pika, after the version
/// folder it announces was written. Its upload must be applied.
/// </summary>
public sealed partial class PythonPipelineScenario(FaultPlatform platform, ReliabilityReport report)
{
    // Debian's interpreter by its path: a python3 of pyenv or a virtualenv earlier on PATH has no python3-pika.
    private const string DebianPython = "/usr/bin/python3";
    private const string DocumentedAddress = "amqp://user:pass@127.0.0.1:5672/%2F";
    private const string DocumentedVersion = "2024-01-11-143000";

    public async Task RunAsync()
    {
        var result = report.Scenario("python_pipeline");
        var script = DocumentedExample(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "messages.md")));
        var version = await platform.Pipeline.WriteVersionAsync(FaultPlatform.Study, FaultPlatform.Dataset, await DemoDataGenerator.AdverseEventsUploadAsync(1_543, seed: 7));
        var (exitCode, output) = await RunPythonAsync(script
            .Replace(DocumentedAddress, platform.Host.GetConnectionString(TestPlatform.PipelineMessaging), StringComparison.Ordinal)
            .Replace(DocumentedVersion, version, StringComparison.Ordinal));
        var served = exitCode == 0 && await platform.ServesEverywhereAsync(version);

        result.Check("the documented Python example ran", exitCode == 0, exitCode == 0 ? $"{DebianPython} exited 0" : $"exit {exitCode}: {output}");
        result.Check("its upload applied: every replica serves the version", served, $"version {version}");
    }

    /// <summary>The code block that follows "Python with [pika]" in docs/messages.md.</summary>
    private static string DocumentedExample(string document) =>
        PythonBlock().Match(document) is { Success: true } match
            ? match.Groups["code"].Value
            : throw new InvalidOperationException("docs/messages.md has no Python example after \"Python with [pika]\".");

    [GeneratedRegex(@"Python with \[pika\].*?```python\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();

    private static async Task<(int ExitCode, string Output)> RunPythonAsync(string script)
    {
        using var python = Process.Start(new ProcessStartInfo(DebianPython, "-")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{DebianPython} did not start.");
        await python.StandardInput.WriteAsync(script);
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await python.WaitForExitAsync(timeout.Token);
        return (python.ExitCode, (await output + await errors).Trim());
    }

    /// <summary>The folder holding WidgetPlatform.sln, found upwards from where the suite runs.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WidgetPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The suite runs outside the repository: WidgetPlatform.sln not found above it.");
    }
}
