using StackExchange.Redis;

namespace WidgetPlatform.Cli.Tests;

[Collection(CliPlatform.Name)]
public sealed class CleanupCommandTests(CliPlatformFixture platform)
{
    [Fact]
    public async Task CleanupListsOnDryRunThenRemovesOnlyWhatItWasAskedTo()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var database = redis.GetDatabase();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        // A lock with no expiry (left by a crash of something that did not set one), a live lock, and index members: one whose
        // entry is gone, one whose entry lives, and one written whole by an earlier release whose entry is gone.
        var staleLock = $"lock:widget:{{STUDY-001}}:cli-stale-{suffix}:v1:0000";
        var liveLock = $"lock:widget:{{STUDY-001}}:cli-live-{suffix}:v1:0000";
        var index = $"index:{{STUDY-001}}:cli-index-{suffix}";
        var gone = "v1:0000";
        var live = "v1:1111";
        var goneWhole = $"widget:{{STUDY-001}}:cli-index-{suffix}:v1:2222";
        await database.StringSetAsync(staleLock, "holder");
        await database.StringSetAsync(liveLock, "holder", TimeSpan.FromSeconds(25));
        await database.StringSetAsync($"widget:{{STUDY-001}}:cli-index-{suffix}:{live}", "entry", TimeSpan.FromMinutes(1));
        await database.SetAddAsync(index, [gone, live, goneWhole]);

        // The connection string comes from the state folder's resources.json, as it does for an operator.
        var dryRun = await Cleanup("--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains(staleLock, dryRun.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(liveLock, dryRun.Out, StringComparison.Ordinal);
        Assert.Contains(index, dryRun.Out, StringComparison.Ordinal);
        Assert.True(await database.KeyExistsAsync(staleLock));
        Assert.True(await database.SetContainsAsync(index, gone));

        var locks = await Cleanup("--locks");

        Assert.True(locks.ExitCode == 0, locks.ToString());
        Assert.Contains(staleLock, locks.Out, StringComparison.Ordinal);
        Assert.False(await database.KeyExistsAsync(staleLock));
        Assert.True(await database.KeyExistsAsync(liveLock));
        Assert.True(await database.SetContainsAsync(index, gone));

        var expired = await Cleanup("--expired-only");

        Assert.True(expired.ExitCode == 0, expired.ToString());
        Assert.Contains(index, expired.Out, StringComparison.Ordinal);
        Assert.Equal([live], (await database.SetMembersAsync(index)).Select(member => member.ToString()));
        Assert.True(await database.KeyExistsAsync(liveLock));
    }

    [Fact]
    public async Task ForceRemovesLiveLocksTooAndNothingElse()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var database = redis.GetDatabase();
        var liveLock = $"lock:widget:{{STUDY-001}}:cli-forced-{Guid.NewGuid():N}:v1:0000";
        await database.StringSetAsync(liveLock, "holder", TimeSpan.FromSeconds(25));

        var plain = await Cleanup("--locks");
        var liveAfterPlain = await database.KeyExistsAsync(liveLock);
        var forced = await Cleanup("--force");
        var misused = await CliPlatformFixture.RunBareAsync("cleanup", "--force", "--expired-only", "--state-dir", platform.Host.StateDirectory);

        Assert.True(liveAfterPlain, plain.ToString());
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains(liveLock, forced.Out, StringComparison.Ordinal);
        Assert.False(await database.KeyExistsAsync(liveLock));
        Assert.True(misused.ExitCode == 4, misused.ToString());
    }

    [Fact]
    public async Task UnreachableRedisExitsThree()
    {
        var run = await CliPlatformFixture.RunBareAsync("cleanup", "--dry-run", "--redis", $"127.0.0.1:{ClosedPort.Next()}");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("Cannot reach Redis", run.Error, StringComparison.Ordinal);
    }

    private Task<CliRun> Cleanup(string flag) => CliPlatformFixture.RunBareAsync("cleanup", flag, "--state-dir", platform.Host.StateDirectory);
}
