using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using WidgetPlatform.AppHost.Executables;

namespace WidgetPlatform.AppHostTesting;

/// <summary>
/// The nodes of the scale-out profile's RabbitMQ cluster (<c>messaging-1</c> …) as tests find them, and what only the
/// broker's own CLI tells: which node leads a quorum queue, and which nodes hold its replicas.
/// </summary>
public static class BrokerClusterNodes
{
    private const string RabbitMqCtl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static RabbitMqClusterResource Cluster(TestPlatform host) =>
        host.Application.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<RabbitMqClusterResource>().Single();

    /// <summary>Every queue of the cluster: its type, the node (resource) that leads it and the nodes its replicas are on.</summary>
    public static async Task<IReadOnlyList<QueueReplicas>> QueuesAsync(TestPlatform host)
    {
        var cluster = Cluster(host);
        var resourceOf = cluster.Nodes.ToDictionary(node => node.Node.NodeName, node => node.Name, StringComparer.Ordinal);
        // Any node answers for the whole cluster; the first that does is asked.
        foreach (var node in cluster.Nodes)
        {
            var (exitCode, output) = await RunAsync(node.Node, "list_queues", "name", "type", "leader", "members", "--formatter", "json", "--quiet");
            if (exitCode != 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(output);
            return [.. document.RootElement.EnumerateArray().Select(queue => new QueueReplicas(
                queue.GetProperty("name").GetString()!,
                queue.GetProperty("type").GetString()!,
                queue.TryGetProperty("leader", out var leader) && leader.ValueKind == JsonValueKind.String ? resourceOf.GetValueOrDefault(leader.GetString()!) : null,
                queue.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
                    ? [.. members.EnumerateArray().Select(member => resourceOf.GetValueOrDefault(member.GetString()!, member.GetString()!))]
                    : []))];
        }

        throw new InvalidOperationException("No node of the cluster answered rabbitmqctl.");
    }

    /// <summary>rabbitmqctl against one node; a node that does not answer within 30 s counts as a failure, not a hang.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(RabbitMqNode node, params string[] arguments)
    {
        // The cookie from a home of the CLI's own, not the command line, where every process listing would show it.
        var home = Directory.CreateTempSubdirectory("widgetplatform-rabbitmqctl-");
        try
        {
            var cookie = Path.Combine(home.FullName, ".erlang.cookie");
            Secrets.WritePrivateFile(cookie, node.Cluster!.Cookie);
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
            var start = new ProcessStartInfo(RabbitMqCtl)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])["-n", node.NodeName, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in RabbitMqNode.ErlangEnvironment(node.EpmdPort))
            {
                start.Environment[key] = value;
            }

            start.Environment["HOME"] = home.FullName;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{node.NodeName} did not answer within 30 s");
            }

            return (process.ExitCode, process.ExitCode == 0 ? await output : await errors);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}

/// <summary>One queue as <c>rabbitmqctl list_queues</c> reports it; nodes named by their resource.</summary>
public sealed record QueueReplicas(string Name, string Type, string? Leader, IReadOnlyList<string> Members);
