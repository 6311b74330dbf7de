using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>Linux process helpers: a polite SIGTERM, and the descendants a child forked (read from /proc).</summary>
internal static partial class ProcessTree
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    public static void Terminate(int pid) => SendSignal(pid, SigTerm);

    public static void Kill(int pid) => SendSignal(pid, SigKill);

    public static bool IsAlive(int pid)
    {
        // A zombie still has a /proc entry; it is gone for our purposes.
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z' && stat.Value.State != 'X';
    }

    /// <summary>Every live process below <paramref name="pid"/>, children before grandchildren.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && ReadStat(child) is { } stat)
            {
                if (!parents.TryGetValue(stat.ParentPid, out var list))
                {
                    parents[stat.ParentPid] = list = [];
                }

                list.Add(child);
            }
        }

        var result = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var child in parents.GetValueOrDefault(current) ?? [])
            {
                result.Add(child);
                queue.Enqueue(child);
            }
        }

        return result;
    }

    private static (char State, int ParentPid)? ReadStat(int pid)
    {
        try
        {
            // Format: pid (comm) state ppid ... — comm may contain spaces and parentheses, so parse from the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (rest[0][0], int.Parse(rest[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static async Task WaitForExitAsync(int pid, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }
}
