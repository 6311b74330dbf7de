using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Threading.Channels;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching;

namespace WidgetPlatform.Query.Events;

/// <summary>
/// Open dashboards per study, each with a bounded queue of server-sent events. A dashboard that stops reading loses its
/// oldest events rather than holding memory; it re-fetches on the next event anyway.
/// </summary>
public sealed class StudyEvents(IOptions<EventStreamOptions> options)
{
    public const string VersionChanged = "version-changed";
    public const string FreshData = "fresh-data";

    /// <summary>Sent first, so a client knows its subscription is in place before it triggers anything.</summary>
    public const string Connected = "connected";

    private static readonly UpDownCounter<long> Clients =
        PlatformTelemetry.Meter.CreateUpDownCounter<long>("widgetplatform.events.clients", "{client}", "Open event streams (SSE) of dashboards");

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<SseItem<object>>, byte>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>Queues the event for every open stream of the study; returns how many there were.</summary>
    public int Publish(string studyId, string eventType, object data)
    {
        if (!_subscribers.TryGetValue(studyId, out var clients))
        {
            return 0;
        }

        var item = new SseItem<object>(data, eventType);
        var written = 0;
        foreach (var client in clients.Keys)
        {
            client.Writer.TryWrite(item);
            written++;
        }

        return written;
    }

    /// <summary>The study's events from now until <paramref name="cancellationToken"/> (the client going away).</summary>
    public async IAsyncEnumerable<SseItem<object>> SubscribeAsync(
        string studyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SseItem<object>>(new BoundedChannelOptions(options.Value.QueuedEventsPerClient)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var clients = _subscribers.GetOrAdd(studyId, _ => new ConcurrentDictionary<Channel<SseItem<object>>, byte>());
        clients.TryAdd(channel, 0);
        Clients.Add(1);
        try
        {
            yield return new SseItem<object>(new StudyEventConnected(studyId), Connected);
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            clients.TryRemove(channel, out _);
            Clients.Add(-1);
        }
    }
}
