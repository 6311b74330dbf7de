using WidgetPlatform.AppHost;
using WidgetPlatform.AppHost.Hosting;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class AppHostCommandTests
{
    [Fact]
    public async Task DemoOfAMillionRowsIsTheDefault() =>
        Assert.Equal(1_000_000, (await ParseAsync())!.DemoRows);

    [Fact]
    public async Task DemoRowsCanBeChosen() =>
        Assert.Equal(5_000, (await ParseAsync("--demo-rows", "5000"))!.DemoRows);

    [Fact]
    public async Task NoDemoTurnsTheDemoOff() =>
        Assert.Null((await ParseAsync("--no-demo"))!.DemoRows);

    [Fact]
    public async Task DemoRowsBelowOneAreRejected() =>
        Assert.Null(await ParseAsync("--demo-rows", "0"));

    /// <summary>The options the AppHost would run with, or null when the command line was rejected.</summary>
    private static async Task<DistributedApplicationOptions?> ParseAsync(params string[] args)
    {
        DistributedApplicationOptions? parsed = null;
        var command = AppHostCommand.Create((options, _) =>
        {
            parsed = options;
            return Task.FromResult(0);
        });
        using var output = new StringWriter();
        await command.Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return parsed;
    }
}
