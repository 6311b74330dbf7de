using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// The reasons receive endpoints faulted, recorded as MassTransit raises them. Polling the bus's health missed them: while
/// MassTransit retries a refused topology, an endpoint's health shows the exception only between one attempt's failure and
/// the next attempt's start, and the first fault seen is often a consequence (the channel the broker closed, disposed)
/// rather than the broker's refusal that follows it.
/// </summary>
internal sealed class EndpointFaultRecorder : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<Uri, string> _current = new();
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private readonly Channel<string> _newReasons = Channel.CreateUnbounded<string>();

    /// <summary>Each distinct reason once, in the order the endpoints first faulted with it.</summary>
    public ChannelReader<string> NewReasons => _newReasons.Reader;

    /// <summary>What the endpoints that are faulted now last failed with; null while none is.</summary>
    public string? Describe()
    {
        var faults = _current.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return faults.Count > 0 ? string.Join("; ", faults) : null;
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        _current.TryRemove(ready.InputAddress, out _);
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        var reason = faulted.Exception is { } exception ? Innermost(exception).Message : "the endpoint faulted";
        _current[faulted.InputAddress] = reason;
        if (_seen.TryAdd(reason, true))
        {
            _newReasons.Writer.TryWrite(reason);
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
