namespace WidgetPlatform.AppHost.Hosting.Resources;

/// <summary>redis-server from the Debian package, password-protected, loopback only, no persistence (it is a cache).</summary>
public sealed class RedisResource(string name, string? externalConnectionString)
    : ServerResource(name, externalConnectionString)
{
    public override string Kind => "redis";
}
