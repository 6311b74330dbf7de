namespace WidgetPlatform.IntegrationTests.AppHost;

/// <summary>Reads what each running service process really received, from /proc: the Aspire contract of docs/design.md §2.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ServiceEnvironmentTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("query")]
    [InlineData("invalidation")]
    [InlineData("warmer")]
    public async Task ServiceProcessReceivesTheAspireContract(string service)
    {
        var environment = await platform.Host.EnvironmentOfAsync(service);
        var server = platform.Host.GetConnectionString("cache").Split(',')[0];

        // The same Redis and broker, each as the service's own user (the LeastPrivilegeTests), never as the operator's.
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(server)},user={service},password=[A-Za-z0-9]{{32}}$", environment["ConnectionStrings__cache"]);
        Assert.NotEqual(platform.Host.GetConnectionString("cache"), environment["ConnectionStrings__cache"]);
        var broker = new Uri(platform.Host.GetConnectionString("messaging"));
        Assert.Matches($"^amqp://{service}:[A-Za-z0-9]{{32}}@{System.Text.RegularExpressions.Regex.Escape(broker.Authority)}$", environment["ConnectionStrings__messaging"]);
        Assert.Equal(platform.Host.Endpoint(service).ToString().TrimEnd('/'), environment["ASPNETCORE_URLS"]);
        Assert.Equal(service, environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal(platform.Host.DataDirectory, environment["WidgetPlatform__DataRoot"]);
        Assert.Equal(platform.Host.SigningKey, environment["WidgetPlatform__Auth__SigningKey"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", environment.Keys); // no dashboard in these tests: nothing to export to
    }
}
