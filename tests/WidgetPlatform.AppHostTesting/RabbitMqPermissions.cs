using System.Text;
using RabbitMQ.Client;
using WidgetPlatform.Clients.Messaging;
using RabbitMQ.Client.Exceptions;

namespace WidgetPlatform.AppHostTesting;

/// <summary>
/// What each service's RabbitMQ user must be refused, and some of what it must be allowed (issue 18, least privilege): the
/// integration tests and the fault suite both try them, as the service's user. Each forbidden operation is chosen so that it
/// could not harm a platform even if the broker wrongly allowed it (a queue deleted only if unused, a probe queue exclusive
/// to the connection), and only a refusal (403, ACCESS_REFUSED) passes.
/// </summary>
public static class RabbitMqPermissions
{
    public const ushort AccessRefused = 403;

    /// <summary>The pipelines' user, which is no service: its URI is a resource of its own.</summary>
    public const string Pipeline = "pipeline";

    private const string Contracts = "WidgetPlatform.Contracts:";

    // Queue names in each service's own namespace, declared exclusive so that they leave with their connection.
    private const string QueryProbeQueue = "cache-invalidated-least-privilege-probe";
    private const string InvalidationProbeQueue = "invalidation-least-privilege-probe";
    private const string WarmerProbeQueue = "warmer-least-privilege-probe";

    public sealed record Operation(string Service, string Description, Func<IChannel, Task> RunAsync)
    {
        public override string ToString() => $"{Service}: {Description}";
    }

    /// <summary>What a service has no need of: another service's queues, messages it does not publish or consume; and for pipelines, anything but announcing data.</summary>
    public static readonly Operation[] Forbidden =
    [
        new("query", "delete the invalidation service's queue", channel => channel.QueueDeleteAsync("invalidation-data-uploaded", ifUnused: true, ifEmpty: true)),
        new("query", "take a message from the invalidation service's queue", channel => channel.BasicGetAsync("invalidation-data-uploaded", autoAck: false)),
        new("query", "publish CacheInvalidated", channel => PublishAsync(channel, "CacheInvalidated")),
        new("query", "bind the warmer's queue to DataUploaded", channel => channel.QueueBindAsync("warmer-warm-requested", Contracts + "DataUploaded", string.Empty)),
        new("query", "declare a queue in the invalidation service's namespace", channel => DeclareAsync(channel, InvalidationProbeQueue)),
        new("warmer", "publish DataUploaded", channel => PublishAsync(channel, "DataUploaded")),
        new("warmer", "publish CacheInvalidated", channel => PublishAsync(channel, "CacheInvalidated")),
        new("warmer", "purge the invalidation service's error queue", channel => channel.QueuePurgeAsync("invalidation-data-uploaded_error")),
        new("warmer", "delete the WidgetConfigurationChanged exchange", channel => channel.ExchangeDeleteAsync(Contracts + "WidgetConfigurationChanged", ifUnused: true)),
        new("invalidation", "publish DataUploaded", channel => PublishAsync(channel, "DataUploaded")),
        new("invalidation", "publish StudyCacheWarmed", channel => PublishAsync(channel, "StudyCacheWarmed")),
        new("invalidation", "take a message from the warmer's queue", channel => channel.BasicGetAsync("warmer-warm-requested", autoAck: false)),
        new("invalidation", "bind its own queue to StudyCacheWarmed", channel => BindProbeAsync(channel, InvalidationProbeQueue, "StudyCacheWarmed")),
        new("warmer", "bind its own queue to WidgetConfigurationChanged", channel => BindProbeAsync(channel, WarmerProbeQueue, "WidgetConfigurationChanged")),
        new("invalidation", "publish to amq.direct", channel => channel.BasicPublishAsync("amq.direct", "anything", Encoding.UTF8.GetBytes("{}")).AsTask()),
        new(Pipeline, "publish CacheInvalidated", channel => PublishAsync(channel, "CacheInvalidated")),
        new(Pipeline, "publish ManualInvalidationRequested", channel => PublishAsync(channel, "ManualInvalidationRequested")),
        new(Pipeline, "take a message from the invalidation service's queue", channel => channel.BasicGetAsync("invalidation-data-uploaded", autoAck: false)),
        new(Pipeline, "declare a queue in the invalidation service's namespace", channel => DeclareAsync(channel, InvalidationProbeQueue)),
        new(Pipeline, "delete the DataUploaded exchange", channel => channel.ExchangeDeleteAsync(Contracts + "DataUploaded", ifUnused: true)),
        new(Pipeline, "declare the DataUploaded exchange (it may only check that it exists)",
            channel => channel.ExchangeDeclareAsync(Contracts + "DataUploaded", ExchangeType.Fanout, durable: true)),
    ];

    /// <summary>What a service does, which its user must be allowed: its own queues, bound to the messages it consumes.</summary>
    public static readonly Operation[] Allowed =
    [
        new("query", "declare its own queue, bind it to CacheInvalidated and read it", channel => ConsumeProbeAsync(channel, QueryProbeQueue, "CacheInvalidated")),
        new("invalidation", "declare its own queue, bind it to DataUploaded and read it", channel => ConsumeProbeAsync(channel, InvalidationProbeQueue, "DataUploaded")),
        new("warmer", "declare its own queue, bind it to WarmRequested and read it", channel => ConsumeProbeAsync(channel, WarmerProbeQueue, "WarmRequested")),
    ];

    /// <summary>
    /// Runs an operation on a channel of its own (with publisher confirms, so that a refused publish shows) and gives the
    /// broker's answer: 200 if it was done, else the code the broker closed the channel with.
    /// </summary>
    public static async Task<ushort> TryAsync(IConnection connection, Operation operation)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await operation.RunAsync(channel);
            return 200;
        }
        catch (Exception exception) when (exception is OperationInterruptedException or AlreadyClosedException or PublishException)
        {
            return channel.CloseReason?.ReplyCode ?? throw new InvalidOperationException($"'{operation}' failed without the broker closing the channel.", exception);
        }
    }

    /// <summary>The service's own AMQP URI, as the AppHost gave it, or the pipelines'.</summary>
    public static async Task<IConnection> ConnectAsAsync(TestPlatform platform, string service)
    {
        var broker = service == Pipeline
            ? platform.Broker(TestPlatform.PipelineMessaging)
            : AmqpConnectionString.Parse((await platform.EnvironmentOfAsync(service))["ConnectionStrings__messaging"], "messaging");
        return await broker.ConnectAsync($"least-privilege-{service}");
    }

    private static Task<QueueDeclareOk> DeclareAsync(IChannel channel, string queue) =>
        channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);

    private static async Task BindProbeAsync(IChannel channel, string queue, string message)
    {
        await DeclareAsync(channel, queue);
        await channel.QueueBindAsync(queue, Contracts + message, string.Empty);
    }

    private static async Task ConsumeProbeAsync(IChannel channel, string queue, string message)
    {
        await BindProbeAsync(channel, queue, message);
        await channel.BasicGetAsync(queue, autoAck: true);
    }

    // An empty object: were it ever delivered, consumers would put it in their error queue, not act on it.
    private static Task PublishAsync(IChannel channel, string message) =>
        channel.BasicPublishAsync(Contracts + message, string.Empty, Encoding.UTF8.GetBytes("{}")).AsTask();
}
