using System.Diagnostics;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>A started <see cref="ProcessSpec"/>: the main process and its sidecars, with their output in a <see cref="LogBuffer"/>.</summary>
public sealed class ChildProcess
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);
    private readonly Process _main;
    private readonly IReadOnlyList<Process> _sidecars;

    private ChildProcess(Process main, IReadOnlyList<Process> sidecars)
    {
        _main = main;
        _sidecars = sidecars;
    }

    public int Pid => _main.Id;

    public IEnumerable<int> Pids => _sidecars.Select(s => s.Id).Prepend(_main.Id);

    public Task<int> Exited { get; private init; } = Task.FromResult(0);

    public static ChildProcess Start(ProcessSpec spec, LogBuffer log, Action<int> onStarted)
    {
        var sidecars = new List<Process>();
        try
        {
            foreach (var sidecar in spec.Sidecars)
            {
                sidecars.Add(Launch(sidecar, log, onStarted));
            }

            var main = Launch(spec, log, onStarted);
            return new ChildProcess(main, sidecars) { Exited = WaitForExitCodeAsync(main) };
        }
        catch
        {
            foreach (var sidecar in sidecars)
            {
                sidecar.Kill(entireProcessTree: true);
            }

            throw;
        }
    }

    /// <summary>SIGTERM, then SIGKILL after the grace period; finally no descendant of ours is left running.</summary>
    public async Task StopAsync()
    {
        foreach (var process in _sidecars.Prepend(_main))
        {
            await StopTreeAsync(process);
        }
    }

    private static async Task StopTreeAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        // Descendants are collected first: once the parent exits they are re-parented and can no longer be found.
        var descendants = ProcessTree.Descendants(process.Id);
        ProcessTree.Terminate(process.Id);
        using var grace = new CancellationTokenSource(GracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        foreach (var pid in descendants.Concat(ProcessTree.Descendants(process.Id)).Distinct())
        {
            if (ProcessTree.IsAlive(pid))
            {
                ProcessTree.Kill(pid);
            }
        }
    }

    private static Process Launch(ProcessSpec spec, LogBuffer log, Action<int> onStarted)
    {
        // In a session of its own, a child does not get the terminal's Ctrl+C: the AppHost stops the children itself,
        // services before the servers they use. setsid execs in place, so the PID stays the child's own.
        var startInfo = new ProcessStartInfo(ExecutableLocator.Find("setsid") ?? spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (startInfo.FileName != spec.FileName)
        {
            startInfo.ArgumentList.Add(spec.FileName);
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => AppendLine(log, "stdout", e.Data);
        process.ErrorDataReceived += (_, e) => AppendLine(log, "stderr", e.Data);
        process.Start();
        onStarted(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void AppendLine(LogBuffer log, string stream, string? text)
    {
        if (text is not null)
        {
            log.Append(stream, text);
        }
    }

    private static async Task<int> WaitForExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
