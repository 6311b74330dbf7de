using WidgetPlatform.Cli.Configuration;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.Cli.Tests;

/// <summary>One platform for every CLI test (starting one takes about ten seconds), and a way to run the CLI against it.</summary>
public sealed class CliPlatformFixture : IAsyncLifetime
{
    public const string Study = "STUDY-001";

    private TestPlatform? _host;

    public TestPlatform Host => _host ?? throw new InvalidOperationException("The platform has not started.");

    public Uri GatewayUrl => Host.Endpoint("query");

    public HttpClient Gateway(string? token = null) => Host.CreateHttpClient("query", 0, token ?? Host.DevTokens.Admin);

    /// <summary>Runs the CLI with the gateway's URL and the admin token given explicitly, as an operator's script would.</summary>
    public Task<CliRun> RunAsync(params string[] args) =>
        RunBareAsync([.. args, "--url", GatewayUrl.ToString(), "--token", Host.DevTokens.Admin]);

    /// <summary>
    /// Runs the CLI in-process with exactly these arguments, captured output, no environment variables and a current
    /// directory outside any repository, so only the arguments decide where it goes.
    /// </summary>
    public static async Task<CliRun> RunBareAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(Path.GetTempPath(), _ => null);
        var exitCode = await CliApp.RunAsync(args, new CliHost(output, error, environment));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Alerts judged every second over the last 10 s, from 5 answers on, so that a test makes one fire and clear in seconds;
    /// and room for the admin calls every test makes with the one admin token (60 a minute would throttle the suite).
    /// </summary>
    public async Task InitializeAsync() => _host = await TestPlatform.StartAsync(new TestPlatformOptions
    {
        Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["query"] = new Dictionary<string, string>
            {
                ["WidgetPlatform__Alerts__EvaluationInterval"] = "00:00:01",
                ["WidgetPlatform__Alerts__Window"] = "00:00:10",
                ["WidgetPlatform__Alerts__MinimumRequests"] = "5",
                ["WidgetPlatform__Auth__AdminRateLimit__PermitLimit"] = "1000",
            },
        },
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CliPlatform : ICollectionFixture<CliPlatformFixture>
{
    public const string Name = "cli";
}
