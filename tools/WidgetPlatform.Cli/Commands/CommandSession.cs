using System.CommandLine;
using Spectre.Console;
using WidgetPlatform.Cli.Configuration;
using WidgetPlatform.Cli.Gateway;
using WidgetPlatform.Cli.Output;

namespace WidgetPlatform.Cli.Commands;

/// <summary>What a running command works with: its console, its settings, and (made on first use) its gateway client.</summary>
public sealed class CommandSession(CliHost host, PlatformSettings settings) : IDisposable
{
    private GatewayClient? _gateway;

    public CliHost Host { get; } = host;

    public PlatformSettings Settings { get; } = settings;

    public IAnsiConsole Console { get; } = CliConsole.Create(host);

    public GatewayClient Gateway => _gateway ??= new GatewayClient(Settings.GatewayUrl(), Settings.Token());

    public static CommandSession Start(ParseResult result, GlobalOptions globals, CliHost host) =>
        new(host, globals.Settings(result, host.Environment));

    public void Dispose() => _gateway?.Dispose();
}
