using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>The recent console lines of one instance, kept in memory for the dashboard and mirrored to a file.</summary>
public sealed class LogBuffer : IDisposable
{
    private const int Capacity = 5000;
    private readonly Queue<LogLine> _lines = new();
    private readonly StreamWriter _file;
    private readonly Lock _lock = new();
    private long _sequence;

    public LogBuffer(string filePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        _file = new StreamWriter(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public void Append(string stream, string text)
    {
        lock (_lock)
        {
            var line = new LogLine(++_sequence, DateTimeOffset.UtcNow, stream, text);
            _lines.Enqueue(line);
            if (_lines.Count > Capacity)
            {
                _lines.Dequeue();
            }

            _file.WriteLine($"{line.Timestamp:O} {stream} {text}");
        }
    }

    public IReadOnlyList<LogLine> After(long sequence, int max)
    {
        lock (_lock)
        {
            var newer = _lines.Where(l => l.Sequence > sequence).ToList();
            return newer.Count <= max ? newer : newer.GetRange(newer.Count - max, max);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file.Dispose();
        }
    }
}
