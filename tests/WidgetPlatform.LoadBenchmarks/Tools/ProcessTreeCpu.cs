using System.Globalization;

namespace WidgetPlatform.LoadBenchmarks.Tools;

/// <summary>
/// CPU time of processes and all their descendants, from <c>/proc/*/stat</c>: the process DCP starts for a service is
/// its host, and the service's own process may be its child.
/// </summary>
internal static class ProcessTreeCpu
{
    /// <summary>Linux reports utime and stime in USER_HZ ticks, which is 100 per second on every mainstream kernel.</summary>
    private const double MillisecondsPerTick = 10;

    public static double Milliseconds(IReadOnlyCollection<int> roots)
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(folder => Path.GetFileName(folder))
            .Where(name => name.All(char.IsAsciiDigit))
            .Select(Read)
            .OfType<(int Pid, int Parent, double CpuMs)>()
            .ToList();
        var children = stats.ToLookup(stat => stat.Parent);
        var cpuOf = stats.ToDictionary(stat => stat.Pid, stat => stat.CpuMs);
        var total = 0.0;
        var pending = new Stack<int>(roots);
        var seen = new HashSet<int>();
        while (pending.TryPop(out var pid))
        {
            if (!seen.Add(pid))
            {
                continue;
            }

            total += cpuOf.GetValueOrDefault(pid);
            foreach (var child in children[pid])
            {
                pending.Push(child.Pid);
            }
        }

        return total;
    }

    /// <summary>One process's pid, parent and CPU time; null when it ended while being read.</summary>
    private static (int Pid, int Parent, double CpuMs)? Read(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: the fields are counted after its end.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (int.Parse(pid, CultureInfo.InvariantCulture), parent, ticks * MillisecondsPerTick);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
