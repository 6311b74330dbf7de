using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.UnitTests.Messaging;

/// <summary>A service's queue defaults, and configuration over them.</summary>
public sealed class ConsumerQueueOptionsTests
{
    private const string Section = "WidgetPlatform:Test:Queues";

    private static readonly ConsumerQueueOptions Defaults = new()
    {
        ConcurrentMessages = 2, PrefetchCount = 4, RetryIntervals = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)],
    };

    [Fact]
    public void WithNothingConfiguredTheServiceDefaultsApply()
    {
        var options = Bind([]);

        Assert.Equal(2, options.ConcurrentMessages);
        Assert.Equal(4, options.PrefetchCount);
        Assert.Equal(Defaults.RetryIntervals, options.RetryIntervals);
    }

    [Fact]
    public void ConfiguredRetryIntervalsReplaceTheDefaultOnesWhole()
    {
        var options = Bind(new()
        {
            [$"{Section}:ConcurrentMessages"] = "6",
            [$"{Section}:RetryIntervals:0"] = "00:00:01",
        });

        Assert.Equal(6, options.ConcurrentMessages);
        Assert.Equal(4, options.PrefetchCount);
        Assert.Equal([TimeSpan.FromSeconds(1)], options.RetryIntervals!);
    }

    [Fact]
    public void AnOutOfRangeValueIsRefused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"{Section}:ConcurrentMessages"] = "0" }));

        Assert.Contains("ConcurrentMessages", error.Message, StringComparison.Ordinal);
    }

    private static ConsumerQueueOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddConsumerQueues(Section, Defaults);
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<ConsumerQueueOptions>>().Value;
    }
}
