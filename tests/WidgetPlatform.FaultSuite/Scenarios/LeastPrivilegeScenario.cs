using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Least privilege in Redis, after the other scenarios ran: no service user was refused anything while the platform
/// worked under load and faults (Redis's <c>ACL LOG</c>, which keeps what it refused since it last started), and every
/// operation of <see cref="RedisPermissions.Forbidden"/> is refused to the service's own user.
/// </summary>
public sealed class LeastPrivilegeScenario(FaultPlatform platform, ReliabilityReport report)
{
    /// <summary>What StackExchange.Redis asks at every connection and does without: refused on purpose (it would show every password).</summary>
    private const string ConnectionProbe = "config|get";

    public async Task RunAsync()
    {
        var result = report.Scenario("least_privilege");
        var refusedInUse = await RefusedToServicesAsync();

        var tried = 0;
        var allowed = new List<string>();
        foreach (var (service, command) in RedisPermissions.Forbidden)
        {
            await using var redis = await ConnectAsAsync(service);
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
    }

    /// <summary>What Redis refused the services since it last started: user, reason and command or key, and how often.</summary>
    private async Task<List<string>> RefusedToServicesAsync()
    {
        await using var redis = await platform.Cache.ConnectAsync();
        var entries = (RedisResult[])(await redis.GetDatabase().ExecuteAsync("ACL", "LOG", "128"))!;
        var refused = new List<string>();
        foreach (var entry in entries)
        {
            var fields = ((RedisResult[])entry!).Chunk(2).ToDictionary(pair => pair[0].ToString(), pair => pair[1].ToString(), StringComparer.Ordinal);
            if (RedisPermissions.Services.Contains(fields["username"]) && fields["object"] != ConnectionProbe)
            {
                refused.Add($"{fields["username"]} {fields["reason"]} {fields["object"]} ×{fields["count"]}");
            }
        }

        return refused;
    }

    private async Task<ConnectionMultiplexer> ConnectAsAsync(string service)
    {
        var options = ConfigurationOptions.Parse((await platform.Host.EnvironmentOfAsync(service))["ConnectionStrings__cache"]);
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
