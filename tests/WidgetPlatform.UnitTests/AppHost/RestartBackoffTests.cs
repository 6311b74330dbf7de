using WidgetPlatform.AppHost.Hosting.Runtime;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class RestartBackoffTests
{
    [Fact]
    public void DelayDoublesWhileAProcessKeepsCrashingUpToThirtySeconds()
    {
        var backoff = new RestartBackoff();

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next(TimeSpan.FromSeconds(2)).TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Fact]
    public void ProcessThatRanAMinuteStartsOverAtOneSecond()
    {
        var backoff = new RestartBackoff();
        backoff.Next(TimeSpan.FromSeconds(1));
        backoff.Next(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next(TimeSpan.FromMinutes(2)));
    }
}
