using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;

namespace WidgetPlatform.AppHostTesting;

/// <summary>The last console lines of every resource instance: what a failing test needs to say why, and what a service said.</summary>
internal sealed class ResourceLogs(ResourceLoggerService loggers, CancellationToken stopping)
{
    private const int LinesKept = 500;

    private readonly ConcurrentDictionary<string, Queue<string>> _lines = new(StringComparer.Ordinal);

    /// <summary>Starts following an instance's console the first time it is seen.</summary>
    public void Follow(string resourceId)
    {
        var lines = new Queue<string>();
        if (_lines.TryAdd(resourceId, lines))
        {
            _ = Task.Run(() => CollectAsync(resourceId, lines), CancellationToken.None);
        }
    }

    public IReadOnlyList<string> Tail(string resourceId)
    {
        if (!_lines.TryGetValue(resourceId, out var lines))
        {
            return [];
        }

        lock (lines)
        {
            return [.. lines];
        }
    }

    private async Task CollectAsync(string resourceId, Queue<string> lines)
    {
        try
        {
            await foreach (var batch in loggers.WatchAsync(resourceId).WithCancellation(stopping))
            {
                lock (lines)
                {
                    foreach (var line in batch)
                    {
                        lines.Enqueue(line.Content);
                        if (lines.Count > LinesKept)
                        {
                            lines.Dequeue();
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
