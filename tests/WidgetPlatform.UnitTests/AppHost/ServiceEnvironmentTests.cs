using WidgetPlatform.AppHost.Hosting;
using WidgetPlatform.AppHost.Hosting.Resources;
using WidgetPlatform.AppHost.Hosting.Runtime;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class ServiceEnvironmentTests
{
    private static readonly DistributedApplicationOptions Options = new() { StateDirectory = "/state" };
    private const string DevSigningKey = "ZGV2LXNpZ25pbmcta2V5LW9mLWF0LWxlYXN0LTI1Ni1iaXRz";
    private static readonly Dictionary<string, string> ConnectionStrings = new()
    {
        ["cache"] = "127.0.0.1:7000,password=secret",
        ["messaging"] = "amqp://user:pass@127.0.0.1:7001",
    };

    private static readonly Dictionary<string, IReadOnlyList<Uri>> ServiceUrls = new()
    {
        ["query"] = [new Uri("http://127.0.0.1:7002"), new Uri("http://127.0.0.1:7003")],
    };

    [Fact]
    public void ServiceGetsConnectionStringsOnlyOfWhatItReferences()
    {
        var redis = new RedisResource("cache", null);
        var project = Project("warmer").WithReference(redis);

        var environment = ServiceEnvironment.For(project, 0, new Uri("http://127.0.0.1:7010"), ConnectionStrings, ServiceUrls, Options, DevSigningKey);

        Assert.Equal("127.0.0.1:7000,password=secret", environment["ConnectionStrings__cache"]);
        Assert.DoesNotContain("ConnectionStrings__messaging", environment.Keys);
    }

    [Fact]
    public void ServiceGetsOneDiscoveryEntryPerReplicaOfAReferencedService()
    {
        var warmer = Project("warmer").WithReference(Project("query"));

        var environment = ServiceEnvironment.For(warmer, 0, new Uri("http://127.0.0.1:7010"), ConnectionStrings, ServiceUrls, Options, DevSigningKey);

        Assert.Equal("http://127.0.0.1:7002", environment["services__query__http__0"]);
        Assert.Equal("http://127.0.0.1:7003", environment["services__query__http__1"]);
    }

    [Fact]
    public void ServiceGetsItsUrlNameInstanceAndDataRoot()
    {
        var query = Project("query").WithReplicas(2);

        var environment = ServiceEnvironment.For(query, 1, new Uri("http://127.0.0.1:7003"), ConnectionStrings, ServiceUrls, Options, DevSigningKey);

        Assert.Equal("http://127.0.0.1:7003", environment["ASPNETCORE_URLS"]);
        Assert.Equal("query", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=query-2", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("/state/data", environment["WidgetPlatform__DataRoot"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void OtlpExportIsConfiguredOnlyWhenAnEndpointIsGiven()
    {
        var query = Project("query");
        var withOtlp = new DistributedApplicationOptions { StateDirectory = "/state", OtlpEndpoint = new Uri("http://127.0.0.1:4317") };

        var without = ServiceEnvironment.For(query, 0, new Uri("http://127.0.0.1:7002"), ConnectionStrings, ServiceUrls, Options, DevSigningKey);
        var with = ServiceEnvironment.For(query, 0, new Uri("http://127.0.0.1:7002"), ConnectionStrings, ServiceUrls, withOtlp, DevSigningKey);

        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", without.Keys);
        Assert.Equal("http://127.0.0.1:4317", with["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", with["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("invalidation")]
    [InlineData("warmer")]
    public void EveryServiceGetsTheDevSigningKey(string service)
    {
        var environment = ServiceEnvironment.For(Project(service), 0, new Uri("http://127.0.0.1:7002"), ConnectionStrings, ServiceUrls, Options, DevSigningKey);

        Assert.Equal(DevSigningKey, environment["WidgetPlatform__Auth__SigningKey"]);
    }

    [Fact]
    public void ExtraEnvironmentOfAReplicaOverridesThatOfItsProject()
    {
        var query = Project("query").WithReplicas(2);
        var options = new DistributedApplicationOptions
        {
            StateDirectory = "/state",
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["query"] = new Dictionary<string, string> { ["WidgetPlatform__Cache__MemoryCacheBytes"] = "1024", ["A"] = "project" },
                ["query-2"] = new Dictionary<string, string> { ["WidgetPlatform__Cache__MemoryCacheBytes"] = "0" },
            },
        };

        var first = ServiceEnvironment.For(query, 0, new Uri("http://127.0.0.1:7002"), ConnectionStrings, ServiceUrls, options, DevSigningKey);
        var second = ServiceEnvironment.For(query, 1, new Uri("http://127.0.0.1:7003"), ConnectionStrings, ServiceUrls, options, DevSigningKey);

        Assert.Equal("1024", first["WidgetPlatform__Cache__MemoryCacheBytes"]);
        Assert.Equal("0", second["WidgetPlatform__Cache__MemoryCacheBytes"]);
        Assert.Equal("project", second["A"]);
    }

    [Fact]
    public void SingleInstanceIsNamedAfterItsResource() =>
        Assert.Equal("query", ServiceEnvironment.InstanceName(Project("query"), 0));

    private static ProjectResource Project(string name) =>
        new(name, new ServiceProject(name, $"/src/{name}.csproj", $"/src/bin/{name}.dll"));
}
