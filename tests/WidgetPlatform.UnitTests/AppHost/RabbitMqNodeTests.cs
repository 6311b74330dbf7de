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

        Assert.Equal((first.User, first.Password), (second.User, second.Password));
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

    public void Dispose() => _folder.Delete(recursive: true);
}
