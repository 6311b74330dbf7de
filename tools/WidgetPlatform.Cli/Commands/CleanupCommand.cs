using System.CommandLine;
using StackExchange.Redis;
using WidgetPlatform.Caching.Cleanup;
using WidgetPlatform.Cli.Output;

namespace WidgetPlatform.Cli.Commands;

/// <summary>
/// <c>cleanup</c>: removes stale stampede locks and index members naming entries that are gone. It talks to Redis directly
/// (the gateway has no reason to expose key-level surgery) through the same cleanup the services can run.
/// </summary>
public static class CleanupCommand
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultLockTimeout = new Caching.WidgetCacheOptions().LockTimeout;

    public static Command Create(GlobalOptions globals, CliHost host)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be removed; remove nothing." };
        var locks = new Option<bool>("--locks") { Description = "Only stale lock:* keys (no expiry, or one longer than the lock timeout)." };
        var expiredOnly = new Option<bool>("--expired-only") { Description = "Only index:* members whose entry no longer exists." };
        var redis = new Option<string?>("--redis")
        {
            Description = "Redis connection string (default: WIDGETPLATFORM_REDIS, else the cache's connection string in resources.json).",
        };
        // Nullable with the default applied in the action: command validators see only what was typed, not option defaults.
        var lockTimeout = new Option<int?>("--lock-timeout")
        {
            Description = $"Seconds the platform's stampede locks live at most (WidgetPlatform:Cache:LockTimeout, default {DefaultLockTimeout.TotalSeconds:0}).",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Every lock:* key, live ones too: for a fleet wedged after a crash. A computation that loses its lock still finishes; " +
                "another may compute the same answer meanwhile.",
        };
        var command = new Command("cleanup", "Removes stale lock:* keys and index:* members pointing at entries that no longer exist (SCAN, never KEYS).")
        {
            dryRun, locks, expiredOnly, redis, lockTimeout, force,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(locks) && result.GetValue(expiredOnly))
            {
                result.AddError("--locks and --expired-only exclude each other: give neither to clean both.");
            }

            if (result.GetValue(force) && (result.GetValue(expiredOnly) || result.GetValue(lockTimeout) is not null))
            {
                result.AddError("--force takes every lock: it goes with neither --expired-only nor --lock-timeout.");
            }

            if (result.GetValue(lockTimeout) < 1)
            {
                result.AddError("--lock-timeout must be at least 1 second.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            using var session = CommandSession.Start(result, globals, host);
            var options = new StaleKeyCleanupOptions
            {
                DryRun = result.GetValue(dryRun),
                Locks = !result.GetValue(expiredOnly),
                IndexMembers = !result.GetValue(locks),
                LockTimeout = result.GetValue(lockTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultLockTimeout,
                AllLocks = result.GetValue(force),
            };
            await using var connection = await ConnectAsync(session.Settings.RedisConnectionString(result.GetValue(redis)));
            StaleKeyReport report;
            try
            {
                report = await new StaleKeyCleanup(connection).RunAsync(options, cancellationToken);
            }
            catch (RedisException exception)
            {
                throw CommandFailedException.Failed($"Redis refused the cleanup: {exception.Message}", exception);
            }

            CleanupTables.Write(session.Console, report, options);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw CommandFailedException.BadUsage($"Not a Redis connection string: {exception.Message}");
        }

        // Fail fast with one clear line rather than retrying in the background as a long-running service would.
        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        configuration.ConnectRetry = 1;
        var where = string.Join(", ", configuration.EndPoints.Select(endpoint => endpoint.ToString()));
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(configuration);
        }
        catch (RedisConnectionException exception)
        {
            // The message names the endpoints only: the connection string may carry a password.
            throw CommandFailedException.CannotConnect($"Cannot reach Redis at {where}: {exception.FailureType}.", exception);
        }
    }
}
