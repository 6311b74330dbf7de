using System.Diagnostics;

namespace WidgetPlatform.AppHost.Backing;

/// <summary>
/// Asks docker, then podman, whether a container engine answers. A client binary alone is not enough (a machine may have
/// the docker CLI and no daemon), and Aspire would then wait forever for containers that never start.
/// </summary>
internal static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly string[] Runtimes = ["docker", "podman"];

    public static string? FindAnsweringRuntime() => Runtimes.FirstOrDefault(Answers);

    private static bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
