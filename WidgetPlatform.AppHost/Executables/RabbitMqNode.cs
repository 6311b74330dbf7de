using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// One RabbitMQ node of the platform's own: its folder, ports, credentials and environment, isolated from any system-wide
/// RabbitMQ (its own node name, ports, configuration files and epmd), bound to loopback.
/// </summary>
public sealed class RabbitMqNode
{
    /// <summary>Written once the node has answered for the first time; see <see cref="PrepareFolders"/>.</summary>
    private const string FirstBootMarker = "first-boot-complete";

    private RabbitMqNode(string directory, string user, string password)
    {
        Directory = directory;
        User = user;
        Password = password;
    }

    public string Directory { get; }

    public string User { get; }

    public string Password { get; }

    /// <summary>
    /// Each service's password and the pipelines' (<see cref="RabbitMqServiceUser"/>), new at every AppHost start: the
    /// definitions the node imports at each boot set them again, and the users get them in their connection strings.
    /// </summary>
    public IReadOnlyDictionary<string, string> UserPasswords { get; } =
        RabbitMqServiceUser.All.ToDictionary(user => user.Name, _ => Secrets.NewPassword(), StringComparer.Ordinal);

    public int AmqpPort { get; } = FreePort.Next();

    public int DistributionPort { get; } = FreePort.Next();

    public int EpmdPort { get; } = FreePort.Next();

    private string MnesiaDirectory => Path.Combine(Directory, "mnesia");

    private string FeatureFlagsFile => Path.Combine(Directory, "feature_flags");

    /// <summary>A data folder keeps the user created on its first start, so the credentials are kept beside it.</summary>
    public static RabbitMqNode InDirectory(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "credentials");
        if (File.Exists(path) && File.ReadAllText(path).Split(':', 2) is [var user, var password])
        {
            return new RabbitMqNode(directory, user, password);
        }

        var node = new RabbitMqNode(directory, "widgetplatform", Secrets.NewPassword());
        Secrets.WritePrivateFile(path, $"{node.User}:{node.Password}");
        return node;
    }

    /// <summary>What both epmd and the node need to find each other on loopback only.</summary>
    public Dictionary<string, string> ErlangEnvironment() => new()
    {
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture),
    };

    public Dictionary<string, string> ServerEnvironment() => new(ErlangEnvironment())
    {
        ["HOME"] = Path.Combine(Directory, "home"),
        ["RABBITMQ_NODENAME"] = "widgetplatform@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = MnesiaDirectory,
        ["RABBITMQ_LOG_BASE"] = Path.Combine(Directory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Directory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(Directory, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Directory, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory, "enabled_plugins"),
        ["RABBITMQ_FEATURE_FLAGS_FILE"] = FeatureFlagsFile,
        ["RABBITMQ_PID_FILE"] = Path.Combine(Directory, "rabbitmq.pid"),
        // The node never starts an epmd of its own: one started by Erlang (-daemon) outlives the AppHost, which happened
        // when the node came up, or went down, while the AppHost's epmd was not listening.
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false",
    };

    /// <summary>
    /// Writes the node's configuration before every start. A node stopped during its first boot persists every feature
    /// flag as disabled, and each later start then refuses quorum queues (FIELD-NOTES); a node whose first boot never
    /// completed is therefore started afresh, which loses nothing since it never accepted a message.
    /// </summary>
    public void PrepareFolders()
    {
        if (!File.Exists(Path.Combine(Directory, FirstBootMarker)))
        {
            DeleteIfPresent(MnesiaDirectory);
            File.Delete(FeatureFlagsFile);
        }

        foreach (var folder in new[] { "home", "mnesia", "log" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, folder));
        }

        var definitions = Path.Combine(Directory, "definitions.json");
        Secrets.WritePrivateFile(definitions, RabbitMqDefinitions.Json(User, Password, UserPasswords));
        Secrets.WritePrivateFile(Path.Combine(Directory, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{AmqpPort}
            load_definitions = {definitions}
            default_user = {User}
            default_pass = {Password}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        File.WriteAllText(Path.Combine(Directory, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(Directory, "rabbitmq-env.conf"), "");
    }

    /// <summary>Called once the node answers: from now on its data folder is worth keeping.</summary>
    public void MarkFirstBootComplete() => File.WriteAllText(Path.Combine(Directory, FirstBootMarker), "");

    private static void DeleteIfPresent(string directory)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
