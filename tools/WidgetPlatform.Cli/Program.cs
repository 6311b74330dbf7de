namespace WidgetPlatform.Cli;

// A named class rather than top-level statements: test projects reference this and the gateway, whose Program is global.
public static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliHost.Process);
}
