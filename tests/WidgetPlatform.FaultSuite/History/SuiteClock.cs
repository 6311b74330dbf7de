using System.Diagnostics;

namespace WidgetPlatform.FaultSuite.History;

/// <summary>The one monotonic clock every history of a run is kept on, in milliseconds since the run began.</summary>
public static class SuiteClock
{
    private static readonly long Started = Stopwatch.GetTimestamp();
    private static readonly DateTimeOffset StartedAt = DateTimeOffset.UtcNow;

    public static double NowMs => Stopwatch.GetElapsedTime(Started).TotalMilliseconds;

    /// <summary>A time another process stamped (on this machine's wall clock) on the suite's clock.</summary>
    public static double At(DateTimeOffset time) => (time - StartedAt).TotalMilliseconds;
}
