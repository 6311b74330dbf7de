using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>docs/design.md §9: the invalidation service's queues are durable quorum queues.</summary>
[Collection(SharedPlatform.Name)]
public sealed class QueueTopologyTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("invalidation-data-uploaded")]
    [InlineData("invalidation-pipeline-completed")]
    [InlineData("invalidation-widget-configuration-changed")]
    [InlineData("invalidation-manual-invalidation-requested")]
    public async Task ConsumerQueueIsADurableQuorumQueue(string queue)
    {
        await using var connection = await platform.Host.Broker().ConnectAsync("queue-topology-tests");

        // RabbitMQ refuses a declaration that differs from the queue's (406 PRECONDITION_FAILED): an equal one says what it is.
        Assert.True(await DeclaresAsync(connection, queue, "quorum"));
        Assert.False(await DeclaresAsync(connection, queue, "classic"));
    }

    private static async Task<bool> DeclaresAsync(IConnection connection, string queue, string type)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = type });
            return true;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 406)
        {
            return false;
        }
    }
}
