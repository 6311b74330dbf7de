using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using StackExchange.Redis;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>
/// What the invalidation tests see the service through: a MassTransit bus to publish enveloped messages (as a .NET
/// publisher does), a plain AMQP channel to publish raw JSON (as a Python pipeline does) and to read error queues, a
/// temporary queue bound to the CacheInvalidated exchange (as a gateway is), and Redis.
/// </summary>
internal sealed class InvalidationProbe : IAsyncDisposable
{
    public const string CacheInvalidatedExchange = "WidgetPlatform.Contracts:CacheInvalidated";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IBusControl _bus;
    private readonly IConnection _amqp;
    private readonly AmqpConnectionString _broker;
    private readonly IChannel _channel;
    private readonly IChannel _subscription;
    private readonly ConnectionMultiplexer _redis;
    private readonly ConcurrentDictionary<string, Channel<ObservedInvalidation>> _byStudy = new(StringComparer.Ordinal);

    private InvalidationProbe(IBusControl bus, IConnection amqp, AmqpConnectionString broker, IChannel channel, IChannel subscription, ConnectionMultiplexer redis)
    {
        _bus = bus;
        _amqp = amqp;
        _broker = broker;
        _channel = channel;
        _subscription = subscription;
        _redis = redis;
    }

    public IDatabase Redis => _redis.GetDatabase();

    /// <summary>The manifest mirror, read as the gateways and the invalidation service read it.</summary>
    public ManifestMirror Mirror => new(_redis);

    public static async Task<InvalidationProbe> StartAsync(TestPlatform host)
    {
        var broker = host.Broker();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker, "invalidation-tests"));
        await bus.StartAsync();

        var amqp = await broker.ConnectAsync("invalidation-tests");
        var channel = await amqp.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var subscription = await amqp.CreateChannelAsync();
        var redis = await ConnectionMultiplexer.ConnectAsync(host.GetConnectionString("cache"));
        var probe = new InvalidationProbe(bus, amqp, broker, channel, subscription, redis);
        await probe.SubscribeAsync();
        return probe;
    }

    /// <summary>Publishes through MassTransit: the envelope, headers and trace context a .NET publisher sends.</summary>
    public Task PublishAsync<T>(T message) where T : class => _bus.Publish(message);

    /// <summary>Publishes a body as it is, to the message type's exchange, as a plain AMQP client does.</summary>
    public async Task PublishRawAsync(string exchange, string body, string? contentType = "application/json", IDictionary<string, object?>? headers = null)
    {
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent, Headers = headers };
        await _channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The next CacheInvalidated about <paramref name="studyId"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<ObservedInvalidation> NextAsync(string studyId, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await Observed(studyId).Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No CacheInvalidated for {studyId} within {(timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds:0} s.");
        }
    }

    /// <summary>Every CacheInvalidated about the study up to and including the first that matches.</summary>
    public async Task<IReadOnlyList<ObservedInvalidation>> UntilAsync(string studyId, Func<CacheInvalidated, bool> match, TimeSpan? timeout = null)
    {
        var read = new List<ObservedInvalidation>();
        do
        {
            read.Add(await NextAsync(studyId, timeout));
        }
        while (!match(read[^1].Message));

        return read;
    }

    /// <summary>What arrived for the study so far, without waiting.</summary>
    public IReadOnlyList<ObservedInvalidation> Drain(string studyId)
    {
        var drained = new List<ObservedInvalidation>();
        while (Observed(studyId).Reader.TryRead(out var observed))
        {
            drained.Add(observed);
        }

        return drained;
    }

    /// <summary>Takes every message from a queue (an error queue, say), with its AMQP headers; none when it does not exist yet.</summary>
    public async Task<IReadOnlyList<(string Body, IReadOnlyDictionary<string, string> Headers)>> TakeAllAsync(string queue)
    {
        // A queue still being created closes the whole connection (541, its quorum member not started yet), a missing one
        // the channel: ask on a connection of its own, so the probe's subscription never goes with it.
        await using var connection = await _broker.ConnectAsync("invalidation-tests");
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<(string, IReadOnlyDictionary<string, string>)>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
            {
                taken.Add((Encoding.UTF8.GetString(result.Body.Span), Headers(result.BasicProperties)));
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode is 404 or 541)
        {
            // MassTransit declares an error queue with the first fault; the caller asks again.
        }

        return taken;
    }

    /// <summary>Whether the broker has <paramref name="queue"/> (a passive declare, on a connection of its own).</summary>
    public async Task<bool> QueueExistsAsync(string queue)
    {
        await using var connection = await _broker.ConnectAsync("invalidation-tests");
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode is 404 or 541)
        {
            return false;
        }
    }

    /// <summary>The first message of an error queue whose body holds <paramref name="marker"/>; fails after 15 s.</summary>
    public async Task<(string Body, IReadOnlyDictionary<string, string> Headers)> ErrorAsync(string queue, string marker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var match = (await TakeAllAsync(queue)).FirstOrDefault(message => message.Body.Contains(marker, StringComparison.Ordinal));
            if (match.Body is not null)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No message with '{marker}' in {queue} within 15 s.");
            await Task.Delay(100);
        }
    }

    private Channel<ObservedInvalidation> Observed(string studyId) => _byStudy.GetOrAdd(studyId, _ => Channel.CreateUnbounded<ObservedInvalidation>());

    private async Task SubscribeAsync()
    {
        // The exchange as MassTransit declares it (durable fanout), so this works whichever side comes first.
        await _subscription.ExchangeDeclareAsync(CacheInvalidatedExchange, ExchangeType.Fanout, durable: true);
        var queue = await _subscription.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await _subscription.QueueBindAsync(queue.QueueName, CacheInvalidatedExchange, string.Empty);
        var consumer = new AsyncEventingBasicConsumer(_subscription);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var message = envelope.RootElement.GetProperty("message").Deserialize<CacheInvalidated>(Json)!;
            Observed(message.StudyId).Writer.TryWrite(new ObservedInvalidation(message, Headers(delivery.BasicProperties), DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        };
        await _subscription.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
    }

    private static Dictionary<string, string> Headers(IReadOnlyBasicProperties properties) =>
        (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
            header => header.Key,
            header => header.Value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => string.Empty,
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            },
            StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _subscription.DisposeAsync();
        await _channel.DisposeAsync();
        await _amqp.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
