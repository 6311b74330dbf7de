using System.Net;
using RabbitMQ.Client;

namespace WidgetPlatform.IntegrationTests.Invalidation;

// Stops or kills the one instance of a server or service: the scale-out profile's are clustered (ScaleOut/FailoverTests).
/// <summary>
/// Issue 12, fault (b): a service whose queues RabbitMQ refuses says so in one clear log line and reports unhealthy; it
/// does not abort (which under Aspire leaves it exited, with no /health to ask and the reason scrolled away).
/// </summary>
[Collection(SharedPlatform.Name)]
[Trait("Profile", "single")]
public sealed class TopologyFaultTests(PlatformFixture platform)
{
    private const string Service = "invalidation";

    /// <summary>Declared classic here: the service declares it as a quorum queue, which RabbitMQ then refuses.</summary>
    private const string Queue = "invalidation-manual-invalidation-requested";

    private const string LogLine = "The message bus did not start";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AServiceWhoseQueueCannotBeDeclaredRunsOnUnhealthyAndSaysWhy()
    {
        await platform.Host.StopAsync(Service);
        await platform.Host.WaitForAsync(Service, instance => !instance.IsRunning, Timeout);
        await RedeclareQueueAsync(type: "classic");
        try
        {
            await platform.Host.StartAsync(Service);
            // On a busy machine the first attempt may time out before the broker refuses: the reason follows in a second line.
            var said = await EventuallyAsync(() => platform.Host.ConsoleLines(Service)
                .FirstOrDefault(line => line.Contains(LogLine, StringComparison.Ordinal) && line.Contains("PRECONDITION_FAILED", StringComparison.Ordinal)));
            using var client = platform.Host.CreateHttpClient(Service);
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

            Assert.Contains("x-queue-type", said, StringComparison.Ordinal);
            Assert.True(platform.Host.Instance(Service).IsRunning, platform.Host.Instance(Service).ToString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        finally
        {
            await platform.Host.StopAsync(Service);
            await platform.Host.WaitForAsync(Service, instance => !instance.IsRunning, Timeout);
            await RedeclareQueueAsync(type: null);
            await platform.Host.StartAsync(Service);
            await platform.Host.WaitForAsync(Service, instance => instance.IsRunningAndHealthy, Timeout);
        }
    }

    /// <summary>Deletes the service's queue, and declares it again with that type unless null (the service then declares its own).</summary>
    private async Task RedeclareQueueAsync(string? type)
    {
        await using var connection = await platform.Host.Broker().ConnectAsync("topology-fault-tests");
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(Queue);
        if (type is not null)
        {
            await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = type });
        }
    }

    private async Task<string> EventuallyAsync(Func<string?> find)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The service did not say '{LogLine}' within {Timeout.TotalSeconds:0} s.\n{Said()}");
    }

    /// <summary>
    /// What the service's console held when the wait gave up: whether the line came without the broker's reason, or was
    /// pushed out of the kept tail by what followed it.
    /// </summary>
    private string Said()
    {
        var lines = platform.Host.ConsoleLines(Service);
        var notStarted = lines.Where(line => line.Contains(LogLine, StringComparison.Ordinal)).ToList();
        return $"{lines.Count} lines kept; {notStarted.Count} of them '{LogLine}…': {string.Join(" | ", notStarted)}\nlast lines:\n"
            + string.Join('\n', lines.TakeLast(20));
    }
}
