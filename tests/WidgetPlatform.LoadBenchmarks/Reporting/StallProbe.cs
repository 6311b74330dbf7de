using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace WidgetPlatform.LoadBenchmarks.Reporting;

/// <summary>
/// How long the machine itself holds a ready thread off while a scenario runs: a thread at the highest priority (nice -20,
/// when the benchmark may raise it) sleeps 1 ms in a loop and records how late it wakes. Such a thread preempts every
/// service the moment it wakes, so a wake-up tens of milliseconds late means no CPU ran at all (a VM throttled or preempted
/// by its host), a floor under every tail the scenario measures. Idle, this machine wakes it at most ~5 ms late.
/// </summary>
internal sealed partial class StallProbe : IDisposable
{
    private const int PrioProcess = 0;
    private static readonly double[] Thresholds = [5, 10, 20];

    private readonly Thread _thread;
    private readonly long[] _lateOver = new long[Thresholds.Length];
    private volatile bool _stopping;
    private double _worstMs;
    private long _wakeUps;
    private bool _raised;

    private StallProbe()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "stall-probe" };
        _thread.Start();
    }

    public static StallProbe Start() => new();

    /// <summary>Stops the probe and describes what it saw, for a figure's settings.</summary>
    public (double WorstMs, Dictionary<string, string> Settings) Stop()
    {
        _stopping = true;
        _thread.Join();
        var settings = new Dictionary<string, string>
        {
            ["stallProbe"] = string.Create(
                CultureInfo.InvariantCulture,
                $"{_wakeUps} wake-ups of a thread sleeping 1 ms at {(_raised ? "nice -20" : "normal priority (nice -20 refused)")}: late by > 5 ms {_lateOver[0]}, > 10 ms {_lateOver[1]}, > 20 ms {_lateOver[2]}, worst {_worstMs:0.0} ms"),
        };
        return (_worstMs, settings);
    }

    public void Dispose()
    {
        if (!_stopping)
        {
            Stop();
        }
    }

    private void Run()
    {
        _raised = setpriority(PrioProcess, gettid(), -20) == 0;
        while (!_stopping)
        {
            var started = Stopwatch.GetTimestamp();
            Thread.Sleep(1);
            var lateMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds - 1;
            _wakeUps++;
            _worstMs = Math.Max(_worstMs, lateMs);
            for (var index = 0; index < Thresholds.Length; index++)
            {
                if (lateMs > Thresholds[index])
                {
                    _lateOver[index]++;
                }
            }
        }
    }

    /// <summary>On Linux, with <see cref="PrioProcess"/> and a thread id, the nice value of that one thread.</summary>
    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, int who, int prio);

    [LibraryImport("libc")]
    private static partial int gettid();
}
