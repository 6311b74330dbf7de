using System.Diagnostics;

namespace WidgetPlatform.FaultSuite.History;

/// <summary>The one monotonic clock every history of a run is kept on, in milliseconds since the run began.</summary>
public static class SuiteClock
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static double NowMs => Stopwatch.GetElapsedTime(Started).TotalMilliseconds;
}
