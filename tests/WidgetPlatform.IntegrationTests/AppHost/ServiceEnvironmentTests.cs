using System.Text;

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
        var environment = await ReadEnvironmentAsync(platform.Host.Instance(service).Pid!.Value);

        Assert.Equal(platform.Host.GetConnectionString("cache"), environment["ConnectionStrings__cache"]);
        Assert.Equal(platform.Host.GetConnectionString("messaging"), environment["ConnectionStrings__messaging"]);
        Assert.Equal(platform.Host.Endpoint(service).ToString().TrimEnd('/'), environment["ASPNETCORE_URLS"]);
        Assert.Equal(service, environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal(platform.Host.DataDirectory, environment["WidgetPlatform__DataRoot"]);
        Assert.Equal(platform.Host.SigningKey, environment["WidgetPlatform__Auth__SigningKey"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", environment.Keys); // no dashboard in these tests: nothing to export to
    }

    private static async Task<Dictionary<string, string>> ReadEnvironmentAsync(int pid)
    {
        var raw = Encoding.UTF8.GetString(await File.ReadAllBytesAsync($"/proc/{pid}/environ"));
        return raw.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }
}
