using System.Collections.Concurrent;
using System.Threading.Channels;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.Dashboard.Tests.Fakes;

/// <summary>An in-memory control the tests shape: snapshots to show, lines to tail, and a record of every action asked.</summary>
public sealed class FakeResourceControl : IResourceControl
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _resources;
    private readonly ConcurrentDictionary<string, List<LogLine>> _logs = new();
    private readonly Channel<ResourceCall> _calls = Channel.CreateUnbounded<ResourceCall>();

    public FakeResourceControl(IEnumerable<ResourceSnapshot> resources)
    {
        _resources = new(resources.Select(resource => KeyValuePair.Create(resource.Name, resource)));
        foreach (var name in _resources.Keys)
        {
            _logs[name] = [];
        }
    }

    /// <summary>Actions in the order they arrived; reading waits for the next one.</summary>
    public ChannelReader<ResourceCall> Calls => _calls.Reader;

    /// <summary>When set, every action is recorded and then fails with this.</summary>
    public Exception? ActionFailure { get; set; }

    public void Update(ResourceSnapshot resource) => _resources[resource.Name] = resource;

    public LogLine AppendLog(string instance, string stream, string text)
    {
        var lines = _logs[instance];
        lock (lines)
        {
            var line = new LogLine(lines.Count + 1, DateTimeOffset.UtcNow, stream, text);
            lines.Add(line);
            return line;
        }
    }

    public IReadOnlyList<ResourceSnapshot> GetResources() => [.. _resources.Values.OrderBy(resource => resource.Name, StringComparer.Ordinal)];

    public IReadOnlyList<LogLine> GetLogs(string instance, long afterSequence, int max)
    {
        var lines = _logs[instance];
        lock (lines)
        {
            return [.. lines.Where(line => line.Sequence > afterSequence).TakeLast(max)];
        }
    }

    public Task StartAsync(string instance, CancellationToken cancellationToken) => Record("start", instance);

    public Task StopAsync(string instance, CancellationToken cancellationToken) => Record("stop", instance);

    public Task RestartAsync(string instance, CancellationToken cancellationToken) => Record("restart", instance);

    private async Task Record(string action, string instance)
    {
        await _calls.Writer.WriteAsync(new ResourceCall(action, instance));
        if (ActionFailure is { } failure)
        {
            throw failure;
        }
    }
}
