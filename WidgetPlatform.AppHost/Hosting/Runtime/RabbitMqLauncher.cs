using WidgetPlatform.AppHost.Hosting.Health;
using WidgetPlatform.AppHost.Hosting.Resources;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>
/// Turns the messaging resource into a rabbitmq-server process with its own folders, user and epmd, bound to loopback,
/// isolated from any system-wide RabbitMQ (its own node, ports and configuration files).
/// </summary>
public static class RabbitMqLauncher
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ServiceUser = "rabbitmq";

    public static (ResourceInstance Instance, string ConnectionString) Create(RabbitMqResource resource, string stateDirectory)
    {
        var log = new LogBuffer(Path.Combine(stateDirectory, "logs", resource.Name + ".log"));
        if (resource.ExternalConnectionString is { } external)
        {
            var uri = new Uri(external);
            var endpoint = $"amqp://{uri.Host}:{uri.Port}";
            return (new ResourceInstance(resource.Name, resource, [endpoint], null, new RabbitMqHealthProbe(external), log), external);
        }

        var directory = Path.Combine(stateDirectory, resource.Name);
        var (user, password) = LoadOrCreateCredentials(directory);
        var ports = (Amqp: FreePorts.Next(), Distribution: FreePorts.Next(), Epmd: FreePorts.Next());
        var connectionString = $"amqp://{user}:{password}@127.0.0.1:{ports.Amqp}";
        var spec = BuildSpec(directory, ports);

        Task Prepare(CancellationToken cancellationToken) => PrepareFoldersAsync(directory, ports.Amqp, user, password, cancellationToken);

        var instance = new ResourceInstance(
            resource.Name, resource, [$"amqp://127.0.0.1:{ports.Amqp}"], spec, new RabbitMqHealthProbe(connectionString), log, Prepare);
        return (instance, connectionString);
    }

    private static ProcessSpec BuildSpec(string directory, (int Amqp, int Distribution, int Epmd) ports)
    {
        var erlangEnvironment = new Dictionary<string, string>
        {
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["ERL_EPMD_PORT"] = ports.Epmd.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var environment = new Dictionary<string, string>(erlangEnvironment)
        {
            ["HOME"] = Path.Combine(directory, "home"),
            ["RABBITMQ_NODENAME"] = "widgetplatform@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = ports.Amqp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = ports.Distribution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(directory, "feature_flags"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        };

        var script = File.Exists(ServerScript) ? ServerScript : ExecutableLocator.Require("rabbitmq-server", "rabbitmq-server", "--rabbitmq");
        var epmd = new ProcessSpec(
            ExecutableLocator.Require("epmd", "erlang-base", "--rabbitmq"),
            ["-address", "127.0.0.1", "-port", erlangEnvironment["ERL_EPMD_PORT"]],
            erlangEnvironment,
            directory);

        // As root, rabbitmq-server must run as its own user; setpriv (unlike su) keeps the environment set above.
        return Environment.IsPrivilegedProcess
            ? new ProcessSpec(
                ExecutableLocator.Require("setpriv", "util-linux", "--rabbitmq"),
                [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", script],
                environment,
                directory,
                [epmd])
            : new ProcessSpec(script, [], environment, directory, [epmd]);
    }

    private static async Task PrepareFoldersAsync(string directory, int amqpPort, string user, string password, CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        Secrets.WritePrivateFile(Path.Combine(directory, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{amqpPort}
            default_user = {user}
            default_pass = {password}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq-env.conf"), "", cancellationToken);
        if (Environment.IsPrivilegedProcess)
        {
            await ChangeOwnerAsync(directory, cancellationToken);
        }
    }

    private static async Task ChangeOwnerAsync(string directory, CancellationToken cancellationToken)
    {
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{ServiceUser}:{ServiceUser}", directory]);
        await chown.WaitForExitAsync(cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of the RabbitMQ folder to the {ServiceUser} user failed (exit code {chown.ExitCode}).");
        }
    }

    /// <summary>A data folder keeps the user created on its first start, so the credentials are kept inside it.</summary>
    private static (string User, string Password) LoadOrCreateCredentials(string directory)
    {
        var path = Path.Combine(directory, "credentials");
        if (File.Exists(path) && File.ReadAllText(path).Split(':', 2) is [var savedUser, var savedPassword])
        {
            return (savedUser, savedPassword);
        }

        Directory.CreateDirectory(directory);
        var credentials = ("widgetplatform", Secrets.NewPassword());
        Secrets.WritePrivateFile(path, $"{credentials.Item1}:{credentials.Item2}");
        return credentials;
    }
}
