using System.Diagnostics;
using WidgetPlatform.AppHost.Hosting.Runtime;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class ChildProcessTests : IDisposable
{
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"child-{Guid.NewGuid():N}.log");

    [Fact]
    public async Task StopLeavesNoGrandchildBehindEvenIfTheParentIgnoresTerm()
    {
        // The shell ignores SIGTERM and has a child of its own: both must be gone after StopAsync.
        var spec = new ProcessSpec("/bin/sh", ["-c", "trap '' TERM; sleep 300 & echo started; wait"], new Dictionary<string, string>(), Path.GetTempPath());
        using var log = new LogBuffer(_log);
        var child = ChildProcess.Start(spec, log, _ => { });
        await WaitUntilAsync(() => log.After(0, 10).Any(l => l.Text == "started"));
        var grandchildren = ProcessTree.Descendants(child.Pid);
        Assert.NotEmpty(grandchildren);

        await child.StopAsync();

        Assert.False(ProcessTree.IsAlive(child.Pid));
        Assert.All(grandchildren, pid => Assert.False(ProcessTree.IsAlive(pid)));
    }

    [Fact]
    public async Task OutputLinesArriveInTheLogWithTheirStream()
    {
        var spec = new ProcessSpec("/bin/sh", ["-c", "echo out; echo err >&2"], new Dictionary<string, string> { ["X"] = "1" }, Path.GetTempPath());
        using var log = new LogBuffer(_log);

        var child = ChildProcess.Start(spec, log, _ => { });
        Assert.Equal(0, await child.Exited);
        await WaitUntilAsync(() => log.After(0, 10).Count == 2);

        Assert.Contains(log.After(0, 10), l => l is { Stream: "stdout", Text: "out" });
        Assert.Contains(log.After(0, 10), l => l is { Stream: "stderr", Text: "err" });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(20);
        }
    }

    public void Dispose() => File.Delete(_log);
}
