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

    /// <summary>The node name of a broker that is not part of a cluster.</summary>
    public const string StandaloneName = "widgetplatform@localhost";

    private readonly RabbitMqClusterMembership? _cluster;

    private RabbitMqNode(string directory, RabbitMqCredentials credentials, string nodeName, int epmdPort, RabbitMqClusterMembership? cluster)
    {
        Directory = directory;
        Credentials = credentials;
        NodeName = nodeName;
        EpmdPort = epmdPort;
        _cluster = cluster;
    }

    public string Directory { get; }

    public RabbitMqCredentials Credentials { get; }

    /// <summary>The Erlang node name, unique on the epmd it registers with.</summary>
    public string NodeName { get; }

    /// <summary>The cluster the node is a member of; none for a broker of its own.</summary>
    public RabbitMqClusterMembership? Cluster => _cluster;

    public int AmqpPort { get; } = FreePort.Next();

    public int DistributionPort { get; } = FreePort.Next();

    public int EpmdPort { get; }

    private string MnesiaDirectory => Path.Combine(Directory, "mnesia");

    private string FeatureFlagsFile => Path.Combine(Directory, "feature_flags");

    /// <summary>A broker of its own, with its own epmd, whose credentials are kept beside its data.</summary>
    public static RabbitMqNode InDirectory(string directory) =>
        new(directory, RabbitMqCredentials.InDirectory(directory), StandaloneName, FreePort.Next(), cluster: null);

    /// <summary>One member of a cluster, registered with the cluster's one epmd.</summary>
    public static RabbitMqNode ClusterMember(string directory, RabbitMqCredentials credentials, string nodeName, int epmdPort, RabbitMqClusterMembership cluster)
    {
        System.IO.Directory.CreateDirectory(directory);
        return new RabbitMqNode(directory, credentials, nodeName, epmdPort, cluster);
    }

    /// <summary>What both epmd and the node need to find each other on loopback only.</summary>
    public static Dictionary<string, string> ErlangEnvironment(int epmdPort) => new()
    {
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
    };

    public Dictionary<string, string> ServerEnvironment() => new(ErlangEnvironment(EpmdPort))
    {
        ["HOME"] = Path.Combine(Directory, "home"),
        ["RABBITMQ_NODENAME"] = NodeName,
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
        Secrets.WritePrivateFile(definitions, RabbitMqDefinitions.Json(Credentials.User, Credentials.Password, Credentials.UserPasswords));
        Secrets.WritePrivateFile(Path.Combine(Directory, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{AmqpPort}
            load_definitions = {definitions}
            default_user = {Credentials.User}
            default_pass = {Credentials.Password}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """ + ClusterConfiguration());
        if (_cluster is not null)
        {
            // Nodes of one cluster authenticate each other (and rabbitmqctl) by this cookie, read from the node's home.
            Secrets.WritePrivateFile(Path.Combine(Directory, "home", ".erlang.cookie"), _cluster.Cookie);
        }
        File.WriteAllText(Path.Combine(Directory, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(Directory, "rabbitmq-env.conf"), "");
    }

    /// <summary>
    /// A member joins the cluster's other nodes at its first boot (the first member, started alone, forms it), and rejoins
    /// from its data after a restart. A minority side of a partition pauses rather than accept writes the majority never sees.
    /// </summary>
    private string ClusterConfiguration() => _cluster is null
        ? ""
        : "\ncluster_formation.peer_discovery_backend = classic_config\n"
          + string.Concat(_cluster.NodeNames.Select((name, index) => $"cluster_formation.classic_config.nodes.{index + 1} = {name}\n"))
          + "cluster_partition_handling = pause_minority\n";

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
