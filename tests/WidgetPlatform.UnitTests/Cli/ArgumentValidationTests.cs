using WidgetPlatform.Cli;
using WidgetPlatform.Cli.Commands;
using WidgetPlatform.Cli.Configuration;

namespace WidgetPlatform.UnitTests.Cli;

/// <summary>Bad usage is refused by the parser, before any connection: exit 4, the reason on stderr, nothing on stdout.</summary>
public sealed class ArgumentValidationTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("warm", "--widget", "ae-count")]
    [InlineData("warm", "--parallel", "0")]
    [InlineData("warm", "--parallel", "33")]
    [InlineData("warm", "--force", "--parallel", "2")]
    [InlineData("warm", "--timeout", "30")]
    [InlineData("warm", "--force", "--timeout", "0")]
    [InlineData("warm", "--study", "../etc")]
    [InlineData("invalidate")]
    [InlineData("invalidate", "--study", "STUDY-001", "--tag", " ")]
    [InlineData("invalidate", "--study", "STUDY-001", "--tag", "two\nlines")]
    [InlineData("cleanup", "--locks", "--expired-only")]
    [InlineData("cleanup", "--lock-timeout", "0")]
    [InlineData("status", "--url", "ftp://gateway")]
    [InlineData("status", "--json", "--unknown")]
    public async Task BadUsageExitsFourBeforeConnecting(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadTagIsRefusedWithTheTagRule()
    {
        var (exitCode, _, error) = await RunAsync("invalidate", "--study", "STUDY-001", "--tag", "campaign:123", "--tag", "");

        Assert.Equal(ExitCodes.BadUsage, exitCode);
        Assert.Contains("--tag is empty: a tag is 1 to 256 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagsWithColonsAndSpacesAreNotBadUsage()
    {
        var (exitCode, _, error) = await RunAsync("invalidate", "--study", "STUDY-001", "--tag", "campaign:123", "--tag", "adverse events");

        // Past the parser, the CLI looks for a platform and finds none (3): the tags themselves were accepted.
        Assert.True(exitCode == ExitCodes.CannotConnect, $"exit {exitCode}: {error}");
    }

    [Fact]
    public async Task HelpDocumentsTheExitCodes()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        Assert.Contains("3  cannot reach or authenticate", output, StringComparison.Ordinal);
        foreach (var command in new[] { "warm", "status", "invalidate", "cleanup" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HelpOfACommandWithARequiredOptionIsNotAnError()
    {
        var (exitCode, output, _) = await RunAsync("invalidate", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--study", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, new[] { "w" }, false, null, null, "--widget needs --study")]
    [InlineData("S", new string[0], false, 4, null, null)]
    [InlineData("S", new[] { "w" }, true, null, 60, null)]
    [InlineData(null, new string[0], true, 4, null, "--parallel does not apply with --force")]
    public void WarmOptionRules(string? study, string[] widgets, bool force, int? parallel, int? timeout, string? expected)
    {
        var error = WarmArguments.Check(study, widgets, force, parallel, timeout);

        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // A missing platform would be exit 3: a 4 proves the arguments were refused before anything was looked up.
        var host = new CliHost(output, error, new CliEnvironment(Path.GetTempPath(), _ => null));
        var exitCode = await CliApp.RunAsync(args, host);
        return (exitCode, output.ToString(), error.ToString());
    }
}
