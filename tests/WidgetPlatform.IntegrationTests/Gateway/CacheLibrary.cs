using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>
/// The shared cache path wired exactly as the services wire it, in the test process, on the platform's real Redis and a
/// study of the test's own, so that timing-sensitive guarantees can be driven step by step.
/// </summary>
public sealed class CacheLibrary : IAsyncDisposable
{
    private readonly IHost _host;

    private CacheLibrary(IHost host, string studyId)
    {
        _host = host;
        StudyId = studyId;
    }

    public string StudyId { get; }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<CacheLibrary> CreateAsync(TestPlatform platform, IDictionary<string, string?>? settings = null)
    {
        var studyId = $"LIB-{Guid.NewGuid():N}"[..16];
        await DemoDataGenerator.WriteStudyAsync(
            new DataStore(platform.DataDirectory), studyId, new DemoDataOptions { AdverseEventRows = 2_000 }, DateTime.UtcNow);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = platform.GetConnectionString("cache"),
            ["WidgetPlatform:DataRoot"] = platform.DataDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.AddPlatformRedisClient("cache");
        builder.AddWidgetData();
        builder.AddWidgetCache();
        return new CacheLibrary(builder.Build(), studyId);
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }
}
