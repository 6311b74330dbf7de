using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Least privilege in Redis and in the broker, after the other scenarios ran: no service user was refused anything while
/// the platform worked under load and faults (<see cref="RefusalWatch"/>, gathered after every scenario), and every
/// operation of <see cref="RedisPermissions.Forbidden"/> and <see cref="RabbitMqPermissions.Forbidden"/> is refused to
/// the service's own user.
/// </summary>
public sealed class LeastPrivilegeScenario(FaultPlatform platform, RefusalWatch refusals, ReliabilityReport report)
{
    public async Task RunAsync()
    {
        var result = report.Scenario("least_privilege");
        await refusals.GatherAsync();
        var refusedInUse = refusals.Redis;
        var brokerRefusedInUse = refusals.Broker;

        var tried = 0;
        var allowed = new List<string>();
        foreach (var (service, command) in RedisPermissions.Forbidden)
        {
            await using var redis = await RedisPermissions.ConnectAsAsync(platform.Host, service);
            var (name, arguments) = RedisPermissions.Split(command);
            tried++;
            try
            {
                await redis.GetDatabase().ExecuteAsync(name, arguments);
                allowed.Add($"{service}: {command}");
            }
            catch (RedisServerException refusal) when (refusal.Message.StartsWith("NOPERM", StringComparison.Ordinal))
            {
                // As it must be.
            }
        }

        result.Figure("redis_forbidden_operations_tried", tried, "operations");
        result.Figure("redis_refusals_while_working", refusedInUse.Count, "entries");
        result.Check("every forbidden Redis operation refused to the service's own user", allowed.Count == 0, allowed.Count == 0 ? $"{tried} refused" : string.Join("; ", allowed));
        result.Check("no service refused a Redis command it uses (ACL LOG)", refusedInUse.Count == 0, refusedInUse.Count == 0 ? "none" : string.Join("; ", refusedInUse.Take(5)));

        var brokerAllowed = new List<string>();
        foreach (var operation in RabbitMqPermissions.Forbidden)
        {
            await using var connection = await RabbitMqPermissions.ConnectAsAsync(platform.Host, operation.Service);
            var answer = await RabbitMqPermissions.TryAsync(connection, operation);
            if (answer != RabbitMqPermissions.AccessRefused)
            {
                brokerAllowed.Add($"{operation} ({answer})");
            }
        }

        result.Figure("broker_forbidden_operations_tried", RabbitMqPermissions.Forbidden.Length, "operations");
        result.Figure("broker_refusals_while_working", brokerRefusedInUse.Count, "log lines");
        result.Check("every forbidden broker operation refused to the service's own user", brokerAllowed.Count == 0,
            brokerAllowed.Count == 0 ? $"{RabbitMqPermissions.Forbidden.Length} refused" : string.Join("; ", brokerAllowed));
        result.Check("no service refused a broker operation it uses (broker log)", brokerRefusedInUse.Count == 0,
            brokerRefusedInUse.Count == 0 ? "none" : string.Join("; ", brokerRefusedInUse.Distinct(StringComparer.Ordinal).Take(3)));
    }
}
