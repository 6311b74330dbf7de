using System.Diagnostics;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// How long a thread that wakes every millisecond waits for a CPU on this machine while a scenario runs: the context of
/// every latency figure beside it. Every process of the platform shares these cores with the suite, so a stall seen here
/// (20 ms and more while the read load runs on two cores) stalls the event path's hops as much.
/// </summary>
public sealed class SchedulerProbe : IDisposable
{
    public const double StallMs = 20;

    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _stalls;
    private double _longestMs;

    private SchedulerProbe()
    {
        _thread = new Thread(Probe) { IsBackground = true, Name = "scheduler probe" };
        _thread.Start();
    }

    /// <summary>Wake-ups at least <see cref="StallMs"/> late.</summary>
    public int Stalls => _stalls;

    public double LongestMs => _longestMs;

    public static SchedulerProbe Start() => new();

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Probe()
    {
        while (!_stopping)
        {
            var asleep = Stopwatch.GetTimestamp();
            Thread.Sleep(1);
            var lateMs = Stopwatch.GetElapsedTime(asleep).TotalMilliseconds - 1;
            if (lateMs >= StallMs)
            {
                _stalls++;
            }

            _longestMs = Math.Max(_longestMs, lateMs);
        }
    }
}
