using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// <c>redis-cli --cluster create</c>, Redis's own tool for forming a cluster (slots, replicas, waiting for the nodes to
/// agree), rather than the CLUSTER MEET / ADDSLOTS / REPLICATE sequence by hand.
/// </summary>
internal static class RedisClusterCreation
{
    public static async Task<bool> RunAsync(RedisClusterResource cluster, ILogger logger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(cluster.RedisCli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in Arguments(cluster))
        {
            start.ArgumentList.Add(argument);
        }

        // Not on the command line, where every process listing would show it.
        start.Environment["REDISCLI_AUTH"] = await cluster.Credentials.Password.GetValueAsync(cancellationToken);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = EchoAsync(process.StandardOutput, logger, LogLevel.Information);
        var errors = EchoAsync(process.StandardError, logger, LogLevel.Error);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        await Task.WhenAll(output, errors);
        if (process.ExitCode != 0)
        {
            logger.LogError("redis-cli --cluster create exited with {ExitCode}: the cluster was not formed.", process.ExitCode);
        }

        return process.ExitCode == 0;
    }

    private static IEnumerable<string> Arguments(RedisClusterResource cluster) =>
    [
        "--cluster", "create",
        .. cluster.Nodes.Select(node => $"127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}"),
        "--cluster-replicas", cluster.ReplicasPerPrimary.ToString(CultureInfo.InvariantCulture),
        "--cluster-yes",
    ];

    private static async Task EchoAsync(StreamReader reader, ILogger logger, LogLevel level)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            logger.Log(level, "{Line}", line);
        }
    }
}
