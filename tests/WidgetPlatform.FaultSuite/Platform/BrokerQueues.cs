using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Clients.Messaging;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.FaultSuite.History;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// The broker as an operator sees it: error queues read (and emptied), queue depths, and every CacheInvalidated heard on a
/// queue of the suite's own bound to its exchange, as a gateway hears them.
/// </summary>
public sealed class BrokerQueues : IAsyncDisposable
{
    public const string CacheInvalidatedExchange = "WidgetPlatform.Contracts:CacheInvalidated";

    /// <summary>The invalidation service's queues (each has its <c>_error</c> queue).</summary>
    public static readonly string[] InvalidationQueues =
        ["invalidation-data-uploaded", "invalidation-pipeline-completed", "invalidation-widget-configuration-changed", "invalidation-manual-invalidation-requested"];

    /// <summary>The warmer's queues (each has its <c>_error</c> queue).</summary>
    public static readonly string[] WarmerQueues = ["warmer-cache-invalidated", "warmer-uploaded-versions", "warmer-warm-requested"];

    /// <summary>Every queue the platform's services consume.</summary>
    public static readonly string[] ServiceQueues = [.. InvalidationQueues, .. WarmerQueues];

    /// <summary>Longer than any scenario keeps a ledger without reading it.</summary>
    private static readonly TimeSpan LedgerExpiry = TimeSpan.FromMinutes(15);

    private readonly AmqpConnectionString _broker;
    private readonly IConnection _connection;
    private readonly IChannel _subscription;
    private readonly List<HeardMessage> _announcements = [];

    private BrokerQueues(AmqpConnectionString broker, IConnection connection, IChannel subscription)
    {
        _broker = broker;
        _connection = connection;
        _subscription = subscription;
    }

    /// <summary>
    /// The versions of a study's dataset that CacheInvalidated announced, in the order heard, each with when the
    /// invalidation service announced it (its <c>invalidatedAt</c>, on the suite's clock): G1's window starts there.
    /// </summary>
    public IReadOnlyList<Announcement> Announced(string studyId, string dataset) => Announced(Announcements, studyId, dataset);

    /// <summary>The versions of a study's dataset that the given CacheInvalidated envelopes announce, in their order.</summary>
    public static IReadOnlyList<Announcement> Announced(IEnumerable<string> envelopes, string studyId, string dataset) =>
        Announced(envelopes.Select(envelope => new HeardMessage(envelope, double.NaN, null)), studyId, dataset);

    private static List<Announcement> Announced(IEnumerable<HeardMessage> heard, string studyId, string dataset)
    {
        var announced = new List<Announcement>();
        foreach (var (envelope, heardMs, steps) in heard)
        {
            using var document = JsonDocument.Parse(envelope);
            var message = document.RootElement.GetProperty("message");
            if (message.GetProperty("studyId").GetString() == studyId
                && message.TryGetProperty("datasets", out var datasets) && datasets.ValueKind == JsonValueKind.Array
                && datasets.EnumerateArray().Any(name => name.GetString() == dataset)
                && message.TryGetProperty("currentVersion", out var current) && current.GetString() is { } version)
            {
                announced.Add(new Announcement(version, SuiteClock.At(message.GetProperty("invalidatedAt").GetDateTimeOffset()), heardMs, steps));
            }
        }

        return announced;
    }

    /// <summary>The CacheInvalidated messages heard so far, each with when and the step timings it carried.</summary>
    private IReadOnlyList<HeardMessage> Announcements
    {
        get
        {
            lock (_announcements)
            {
                return [.. _announcements];
            }
        }
    }

    public static async Task<BrokerQueues> ListenAsync(TestPlatform host)
    {
        var broker = host.Broker();
        var connection = await broker.ConnectAsync("fault-suite");
        var subscription = await connection.CreateChannelAsync();
        var queues = new BrokerQueues(broker, connection, subscription);
        await subscription.ExchangeDeclareAsync(CacheInvalidatedExchange, ExchangeType.Fanout, durable: true);
        var queue = await subscription.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await subscription.QueueBindAsync(queue.QueueName, CacheInvalidatedExchange, string.Empty);
        var consumer = new AsyncEventingBasicConsumer(subscription);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var heard = new HeardMessage(Encoding.UTF8.GetString(delivery.Body.Span), SuiteClock.NowMs, Header(delivery.BasicProperties, StepTimings.Header));
            lock (queues._announcements)
            {
                queues._announcements.Add(heard);
            }

            return Task.CompletedTask;
        };
        await subscription.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return queues;
    }

    /// <summary>
    /// Starts keeping every CacheInvalidated in a durable queue of the suite's own, which outlives a broker restart (the
    /// services publish persistent messages, with confirms) where the suite's subscription does not, and on a cluster
    /// the death of any one node (a quorum queue): what was announced while a broker was killed can be counted afterwards (<see cref="TakeAllAsync"/>, then
    /// <see cref="DeleteQueueAsync"/>).
    /// </summary>
    public async Task KeepAnnouncementsAsync(string queue)
    {
        await using var connection = await _broker.ConnectAsync("fault-suite");
        await using var channel = await connection.CreateChannelAsync();
        // A quorum queue on a cluster only: on one node a classic queue is readable at once after a restart. Left behind by
        // a scenario that failed before deleting it, it goes by itself once nobody has read it for a while.
        var arguments = new Dictionary<string, object?> { ["x-expires"] = (int)LedgerExpiry.TotalMilliseconds };
        if (_broker.IsCluster)
        {
            arguments["x-queue-type"] = "quorum";
        }

        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments);
        await channel.QueueBindAsync(queue, CacheInvalidatedExchange, string.Empty);
    }

    public async Task DeleteQueueAsync(string queue)
    {
        await using var connection = await _broker.ConnectAsync("fault-suite");
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }

    /// <summary>Takes every message of a queue with its fault reason (<c>MT-Fault-Message</c>); none when the queue does not exist yet.</summary>
    public async Task<IReadOnlyList<(string Body, string? Reason)>> TakeAllAsync(string queue)
    {
        // A missing queue closes the channel, one still being created the connection: ask on a connection of its own.
        await using var connection = await _broker.ConnectAsync("fault-suite");
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<(string, string?)>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
            {
                taken.Add((Encoding.UTF8.GetString(result.Body.Span), Header(result.BasicProperties, "MT-Fault-Message")));
            }
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode is 404 or 541)
        {
            // Not declared yet: MassTransit declares an error queue with its first fault.
        }

        return taken;
    }

    /// <summary>Takes what every service queue's error queue holds, each as <c>{queue}_error: {reason}</c>.</summary>
    public async Task<List<string>> TakeAllErrorsAsync()
    {
        var errors = new List<string>();
        foreach (var queue in ServiceQueues)
        {
            errors.AddRange((await TakeAllAsync($"{queue}_error")).Select(message => $"{queue}_error: {message.Reason}"));
        }

        return errors;
    }

    /// <summary>Messages still in the services' queues once they had <paramref name="time"/> to drain them.</summary>
    public async Task<long> LeftAfterAsync(TimeSpan time)
    {
        var deadline = DateTime.UtcNow + time;
        while (true)
        {
            long left = 0;
            foreach (var queue in ServiceQueues)
            {
                left += await DepthAsync(queue);
            }

            if (left == 0 || DateTime.UtcNow > deadline)
            {
                return left;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Messages ready in a queue (0 when it does not exist).</summary>
    public async Task<uint> DepthAsync(string queue)
    {
        await using var connection = await _broker.ConnectAsync("fault-suite");
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode is 404 or 541)
        {
            return 0;
        }
    }

    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;

    public async ValueTask DisposeAsync()
    {
        await _subscription.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private sealed record HeardMessage(string Envelope, double HeardMs, string? Steps);
}
