using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.AppHost;

/// <summary>Starts a platform of its own: what is checked is that stopping it leaves no process behind.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task StoppingStopsEveryProcessItStartedAndTheirChildren()
    {
        var host = await TestPlatform.StartAsync();
        List<int> started, children;
        try
        {
            started = [.. Resources.SelectMany(host.Instances).Select(instance => instance.Pid!.Value)];
            children = [.. started.SelectMany(DescendantsOf)];
        }
        finally
        {
            await host.DisposeAsync();
        }

        Assert.Equal(Resources.Length, started.Count);
        Assert.NotEmpty(children); // the RabbitMQ script's Erlang VM and the services under their dotnet run, at least
        Assert.All(started.Concat(children), pid => Assert.False(IsRunning(pid), $"process {pid} is still running"));
    }

    private static readonly string[] Resources = [.. TestPlatform.BackingServices, "messaging-epmd", .. TestPlatform.Services];

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
