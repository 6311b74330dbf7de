using WidgetPlatform.AppHost.Executables;

namespace WidgetPlatform.UnitTests.AppHost;

/// <summary>Issue 12, fault (a): a broker the platform owns comes up usable whatever happened to its last run.</summary>
public sealed class RabbitMqNodeTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("widgetplatform-rabbitmq-");

    private string Mnesia => Path.Combine(_folder.FullName, "mnesia");

    [Fact]
    public void ANodeWhoseFirstBootNeverCompletedStartsAfresh()
    {
        var node = RabbitMqNode.InDirectory(_folder.FullName);
        node.PrepareFolders();
        var leftOver = Path.Combine(Mnesia, "widgetplatform@localhost", "feature flags as a stopped first boot left them");
        Directory.CreateDirectory(Path.GetDirectoryName(leftOver)!);
        File.WriteAllText(leftOver, "");
        File.WriteAllText(Path.Combine(_folder.FullName, "feature_flags"), "[].");

        RabbitMqNode.InDirectory(_folder.FullName).PrepareFolders();

        Assert.False(File.Exists(leftOver));
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "feature_flags")));
        Assert.True(Directory.Exists(Mnesia));
    }

    [Fact]
    public void ANodeThatHasBootedOnceKeepsItsData()
    {
        var node = RabbitMqNode.InDirectory(_folder.FullName);
        node.PrepareFolders();
        var data = Path.Combine(Mnesia, "widgetplatform@localhost", "queues");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        File.WriteAllText(data, "");
        node.MarkFirstBootComplete();

        RabbitMqNode.InDirectory(_folder.FullName).PrepareFolders();

        Assert.True(File.Exists(data));
    }

    [Fact]
    public void CredentialsAreKeptWithTheDataFolder()
    {
        var first = RabbitMqNode.InDirectory(_folder.FullName);
        var second = RabbitMqNode.InDirectory(_folder.FullName);

        Assert.Equal((first.Credentials.User, first.Credentials.Password), (second.Credentials.User, second.Credentials.Password));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder.FullName, "credentials")));
    }

    [Fact]
    public void TheNodeListensOnLoopbackOnlyWithItsOwnEpmd()
    {
        var node = RabbitMqNode.InDirectory(_folder.FullName);

        var environment = node.ServerEnvironment();

        Assert.Equal("127.0.0.1", environment["RABBITMQ_NODE_IP_ADDRESS"]);
        Assert.Equal("127.0.0.1", environment["ERL_EPMD_ADDRESS"]);
        Assert.Equal(node.EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), environment["ERL_EPMD_PORT"]);
        Assert.Contains("inet_dist_use_interface {127,0,0,1}", environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"]);
        Assert.Contains("-start_epmd false", environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"]);
    }

    [Fact]
    public void AClusterMemberJoinsTheOtherNodesAndSharesTheirCookie()
    {
        var membership = new RabbitMqClusterMembership(["messaging-1@localhost", "messaging-2@localhost", "messaging-3@localhost"]);
        var node = RabbitMqNode.ClusterMember(_folder.FullName, RabbitMqCredentials.InDirectory(_folder.FullName), "messaging-2@localhost", epmdPort: 4369, membership);

        node.PrepareFolders();

        var configuration = File.ReadAllText(Path.Combine(_folder.FullName, "rabbitmq.conf"));
        Assert.Contains("cluster_formation.peer_discovery_backend = classic_config", configuration);
        Assert.Contains("cluster_formation.classic_config.nodes.3 = messaging-3@localhost", configuration);
        Assert.Contains("cluster_partition_handling = pause_minority", configuration);
        Assert.Equal("messaging-2@localhost", node.ServerEnvironment()["RABBITMQ_NODENAME"]);
        var cookie = Path.Combine(_folder.FullName, "home", ".erlang.cookie");
        Assert.Equal(membership.Cookie, File.ReadAllText(cookie));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cookie));
    }

    [Fact]
    public void ABrokerOfItsOwnHasNoClusterSettings()
    {
        var node = RabbitMqNode.InDirectory(_folder.FullName);

        node.PrepareFolders();

        Assert.DoesNotContain("cluster_formation", File.ReadAllText(Path.Combine(_folder.FullName, "rabbitmq.conf")));
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "home", ".erlang.cookie")));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
