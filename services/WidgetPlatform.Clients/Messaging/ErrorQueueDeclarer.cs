using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// Declares each service queue's error queue as soon as its endpoint is ready, as MassTransit would on the queue's first
/// fault: the <c>{queue}_error</c> fanout exchange, the durable quorum queue of the same name (a receive endpoint's error
/// queue takes the endpoint's queue arguments) and the binding between them. Until then the gateway's alert evaluation,
/// which asks the broker for every error queue's depth every 15 s, made the broker log a <c>not_found</c> channel error
/// each time for every queue that had never failed.
/// </summary>
internal sealed partial class ErrorQueueDeclarer(AmqpConnectionString connection, string clientName, ILogger<ErrorQueueDeclarer> logger)
    : IReceiveEndpointObserver
{
    private static readonly Dictionary<string, object?> QuorumQueue = new() { ["x-queue-type"] = "quorum" };

    public async Task Ready(ReceiveEndpointReady ready)
    {
        var queue = ready.InputAddress.AbsolutePath.Split('/')[^1];
        if (!ServiceQueues.All.Contains(queue, StringComparer.Ordinal))
        {
            return; // A gateway's temporary fan-out queue: MassTransit gives those no error queue of their own to watch.
        }

        var error = ServiceQueues.ErrorQueue(queue);
        try
        {
            await using var broker = await connection.ConnectAsync($"{clientName} (error queues)");
            await using var channel = await broker.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(error, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(error, durable: true, exclusive: false, autoDelete: false, QuorumQueue);
            await channel.QueueBindAsync(error, error, string.Empty);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not the message path: MassTransit declares the same on the queue's first fault.
            LogNotDeclared(logger, error, exception);
        }
    }

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not declare {ErrorQueue} ahead of its first fault; MassTransit declares it then")]
    private static partial void LogNotDeclared(ILogger logger, string errorQueue, Exception exception);
}
