using WidgetPlatform.AppHost.Hosting.Health;
using WidgetPlatform.AppHost.Hosting.Resources;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>Turns the cache resource into a redis-server process (or a probe of an existing server).</summary>
public static class RedisLauncher
{
    public static (ResourceInstance Instance, string ConnectionString) Create(RedisResource resource, string stateDirectory)
    {
        var log = new LogBuffer(Path.Combine(stateDirectory, "logs", resource.Name + ".log"));
        if (resource.ExternalConnectionString is { } external)
        {
            var endpoint = "redis://" + external.Split(',')[0];
            return (new ResourceInstance(resource.Name, resource, [endpoint], null, new RedisHealthProbe(external), log), external);
        }

        var port = FreePorts.Next();
        var password = Secrets.NewPassword();
        var directory = Path.Combine(stateDirectory, resource.Name);
        var configPath = Path.Combine(directory, "redis.conf");
        var connectionString = $"127.0.0.1:{port},password={password}";
        var spec = new ProcessSpec(
            ExecutableLocator.Require("redis-server", "redis-server", "--redis"),
            [configPath],
            new Dictionary<string, string>(),
            directory);

        Task Prepare(CancellationToken _)
        {
            Directory.CreateDirectory(directory);
            Secrets.WritePrivateFile(configPath, $"""
                port {port}
                bind 127.0.0.1
                protected-mode yes
                requirepass {password}
                dir {directory}
                save ""
                appendonly no
                daemonize no
                logfile ""
                """);
            return Task.CompletedTask;
        }

        var instance = new ResourceInstance(resource.Name, resource, [$"redis://127.0.0.1:{port}"], spec, new RedisHealthProbe(connectionString), log, Prepare);
        return (instance, connectionString);
    }
}
