using WidgetPlatform.Testing;

namespace WidgetPlatform.IntegrationTests.AppHost;

/// <summary>Starts a platform of its own: what is checked is that disposing it leaves no process behind.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task DisposeStopsEveryProcessItStartedAndTheirChildren()
    {
        var host = await WidgetPlatformTestHost.StartAsync();
        List<int> started, children;
        try
        {
            started = host.Application.Instances.SelectMany(i => i.StartedPids).ToList();
            children = started.SelectMany(DescendantsOf).ToList();
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.Equal(5 + 1, started.Count); // five resources, plus RabbitMQ's own epmd
        Assert.NotEmpty(children); // the RabbitMQ script's Erlang VM, at least

        Assert.All(started.Concat(children), pid => Assert.False(IsRunning(pid), $"process {pid} is still running"));
    }

    private static IEnumerable<int> DescendantsOf(int pid) =>
        ChildrenOf(pid).SelectMany(child => DescendantsOf(child).Prepend(child));

    // Each thread lists the children it forked in /proc/<pid>/task/<tid>/children.
    private static List<int> ChildrenOf(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .SelectMany(thread => File.ReadAllText(Path.Combine(thread, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)
            .ToList();

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
