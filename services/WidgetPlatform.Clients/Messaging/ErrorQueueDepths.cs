using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// How many messages wait in each service queue's error queue (<see cref="ServiceQueues"/>), asked of the broker with a
/// passive declare on a connection of its own: MassTransit's bus exposes no queue depths, and the broker runs without its
/// management plugin. A queue not declared yet (its service has not started) holds none.
/// </summary>
public sealed class ErrorQueueDepths : IAsyncDisposable
{
    private const ushort NotFound = 404;

    private readonly AmqpConnectionString _broker;
    private readonly string _clientName;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    internal ErrorQueueDepths(AmqpConnectionString connection, string clientName)
    {
        _broker = connection;
        _clientName = clientName + " (error-queue depths)";
    }

    /// <summary>Error queue → messages in it, for every service queue.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }

                _connection = await _broker.ConnectAsync(_clientName, cancellationToken);
            }

            var depths = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var queue in ServiceQueues.All.Select(ServiceQueues.ErrorQueue))
            {
                depths[queue] = await DepthAsync(_connection, queue, cancellationToken);
            }

            return depths;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }

    private static async Task<long> DepthAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel: one channel per question.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == NotFound)
        {
            return 0;
        }
    }
}
