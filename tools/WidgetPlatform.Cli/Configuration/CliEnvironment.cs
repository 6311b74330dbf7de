namespace WidgetPlatform.Cli.Configuration;

/// <summary>The current directory and the environment variables the CLI's defaults come from.</summary>
public sealed record CliEnvironment(string CurrentDirectory, Func<string, string?> Variable)
{
    public const string UrlVariable = "WIDGETPLATFORM_URL";
    public const string TokenVariable = "WIDGETPLATFORM_TOKEN";
    public const string RedisVariable = "WIDGETPLATFORM_REDIS";

    public static CliEnvironment Process => new(Environment.CurrentDirectory, Environment.GetEnvironmentVariable);

    /// <summary>A variable's value, or null when it is unset or blank.</summary>
    public string? Get(string name) => Variable(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
