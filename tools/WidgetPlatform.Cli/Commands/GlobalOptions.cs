using System.CommandLine;
using WidgetPlatform.Cli.Configuration;

namespace WidgetPlatform.Cli.Commands;

/// <summary>Where the platform is and who the CLI is, accepted by every command (before or after its name).</summary>
public sealed class GlobalOptions
{
    public GlobalOptions()
    {
        Url.Validators.Add(result =>
        {
            if (!GatewayUrl.TryParse(result.GetValueOrDefault<string?>(), out _, out var error))
            {
                result.AddError($"--url: {error}.");
            }
        });
    }

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The gateway's base URL (default: {CliEnvironment.UrlVariable}, else the query endpoint in .widgetplatform/resources.json, " +
            "found from the current directory up).",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token (default: {CliEnvironment.TokenVariable}, else the admin token of .widgetplatform/dev-tokens.json).",
        Recursive = true,
    };

    public Option<string?> StateDirectory { get; } = new("--state-dir")
    {
        Description = "The AppHost's state folder with resources.json and dev-tokens.json (default: the nearest .widgetplatform/ upwards).",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Url, Token, StateDirectory];

    public PlatformSettings Settings(ParseResult result, CliEnvironment environment) =>
        new(result.GetValue(Url), result.GetValue(Token), result.GetValue(StateDirectory), environment);
}
