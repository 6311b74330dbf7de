using System.Globalization;

namespace WidgetPlatform.LoadBenchmarks.Reporting;

/// <summary>How busy the machine is: the compute benchmark's convention (<c>loadAverageAtStart</c>, 1/5/15 minutes).</summary>
internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The one-minute load average, or NaN when unknown.</summary>
    public static double OneMinuteLoad() =>
        double.TryParse(LoadAverage().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : double.NaN;

    /// <summary>The soft limit on open files of this process (children inherit it): 20,000 connections need more than that.</summary>
    public static long OpenFileLimit()
    {
        var line = File.Exists("/proc/self/limits")
            ? File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal))
            : null;
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 3 } && long.TryParse(fields[3], CultureInfo.InvariantCulture, out var limit) ? limit : -1;
    }
}
