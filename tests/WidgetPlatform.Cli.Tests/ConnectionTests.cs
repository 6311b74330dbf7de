using System.Diagnostics;
using System.Text.Json;

namespace WidgetPlatform.Cli.Tests;

[Collection(CliPlatform.Name)]
public sealed class ConnectionTests(CliPlatformFixture platform)
{
    [Fact]
    public async Task AnUnreachableGatewayExitsThreeWithOneLineAndNoStackTrace()
    {
        var run = await CliPlatformFixture.RunBareAsync("status", "--url", $"http://127.0.0.1:{ClosedPort.Next()}", "--token", "any");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("Cannot reach the gateway", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task ATokenTheGatewayRefusesExitsThree()
    {
        var run = await CliPlatformFixture.RunBareAsync("status", "--url", platform.GatewayUrl.ToString(), "--token", "not-a-jwt");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutUrlOrTokenTheCliUsesTheStateFoldersFiles()
    {
        var run = await CliPlatformFixture.RunBareAsync("status", "--json", "--state-dir", platform.Host.StateDirectory);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var _ = JsonDocument.Parse(run.Out);
    }

    [Fact]
    public async Task TheBuiltExecutableRunsAndReportsItsExitCode()
    {
        // The in-process runs above skip Program.cs and the real console: run the built program once as an operator would.
        var program = Path.Combine(AppContext.BaseDirectory, "widgetplatform.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", program, "status", "--alerts", "--json", "--state-dir", platform.Host.StateDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        using var report = JsonDocument.Parse(await output);
        var alerts = report.RootElement.GetProperty("alerts").GetArrayLength();
        Assert.True(process.ExitCode == (alerts > 0 ? 2 : 0), $"exit {process.ExitCode}, {alerts} alerts\n{await error}");
    }
}
