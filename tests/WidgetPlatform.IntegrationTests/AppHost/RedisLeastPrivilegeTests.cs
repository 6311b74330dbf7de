using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.AppHost;

/// <summary>
/// Issue 18, least privilege: each service reaches Redis as its own user (docs/cache.md, "Redis users"), with the
/// connection string it was given, and Redis itself refuses what the service has no need of (<see cref="RedisPermissions"/>).
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class RedisLeastPrivilegeTests(PlatformFixture platform)
{
    public static TheoryData<string, string> Forbidden => Data(RedisPermissions.Forbidden);

    public static TheoryData<string, string> Allowed => Data(RedisPermissions.Allowed);

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task RedisRefusesAServiceWhatItHasNoNeedOf(string service, string command)
    {
        await using var redis = await RedisPermissions.ConnectAsAsync(platform.Host, service);
        var (name, arguments) = RedisPermissions.Split(command);

        var refusal = await Assert.ThrowsAsync<RedisServerException>(() => redis.GetDatabase().ExecuteAsync(name, arguments));
        Assert.StartsWith("NOPERM", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("invalidation")]
    [InlineData("warmer")]
    public async Task DebugIsRefusedToEveryService(string service)
    {
        await using var redis = await RedisPermissions.ConnectAsAsync(platform.Host, service);

        // Refused twice over: DEBUG is off in redis-server, and not the service's either.
        await Assert.ThrowsAsync<RedisServerException>(() => redis.GetDatabase().ExecuteAsync("DEBUG", "SLEEP", "0"));
    }

    [Theory]
    [InlineData("query", "manifest:" + RedisPermissions.NoStudy)]
    [InlineData("query", "epochs:" + RedisPermissions.NoStudy)]
    [InlineData("warmer", "manifest:" + RedisPermissions.NoStudy)]
    public async Task AScriptMayReadButNotDeleteAKeyItsServiceOnlyReads(string service, string key)
    {
        await using var redis = await RedisPermissions.ConnectAsAsync(platform.Host, service);
        var database = redis.GetDatabase();

        await database.ScriptEvaluateAsync("return redis.call('EXISTS', KEYS[1])", [key]);
        var refusal = await Assert.ThrowsAsync<RedisServerException>(() => database.ScriptEvaluateAsync("return redis.call('DEL', KEYS[1])", [key]));
        Assert.Contains("can't access at least one of the keys", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task WhatAServiceNeedsIsAllowed(string service, string command)
    {
        await using var redis = await RedisPermissions.ConnectAsAsync(platform.Host, service);
        var (name, arguments) = RedisPermissions.Split(command);

        await redis.GetDatabase().ExecuteAsync(name, arguments);
    }

    private static TheoryData<string, string> Data(IEnumerable<(string Service, string Command)> operations)
    {
        var data = new TheoryData<string, string>();
        foreach (var (service, command) in operations)
        {
            data.Add(service, command);
        }

        return data;
    }
}
