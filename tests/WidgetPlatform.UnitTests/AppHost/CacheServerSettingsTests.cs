using Microsoft.Extensions.Configuration;
using WidgetPlatform.AppHost.Executables;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class CacheServerSettingsTests
{
    [Fact]
    public void ByDefaultRedisHasALimitEvictsOnlyExpiringKeysAndPersistsNothing()
    {
        var lines = CacheServerSettings.From(Configuration()).ConfigurationLines();

        Assert.Contains("maxmemory 256mb", lines, StringComparison.Ordinal);
        Assert.Contains("maxmemory-policy volatile-lfu", lines, StringComparison.Ordinal);
        Assert.Contains("save \"\"", lines, StringComparison.Ordinal);
        Assert.Contains("appendonly no", lines, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rdb", "save 60 1")]
    [InlineData("aof", "appendonly yes")]
    public void PersistenceIsAChoice(string mode, string line) =>
        Assert.Contains(line, CacheServerSettings.From(Configuration(("Persistence", mode))).ConfigurationLines(), StringComparison.Ordinal);

    [Theory]
    [InlineData("MaxMemory", "lots")]
    [InlineData("MaxMemoryPolicy", "allkeys-whatever")]
    [InlineData("Persistence", "sometimes")]
    public void AnInvalidSettingIsRefusedWithItsName(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CacheServerSettings.From(Configuration((name, value))));

        Assert.Contains($"{CacheServerSettings.Section}:{name}", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Name, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>($"{CacheServerSettings.Section}:{setting.Name}", setting.Value)))
            .Build();
}
