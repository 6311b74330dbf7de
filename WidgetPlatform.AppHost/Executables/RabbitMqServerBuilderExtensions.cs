using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WidgetPlatform.AppHost.Executables;

public static class RabbitMqServerBuilderExtensions
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ServiceUser = "rabbitmq";

    /// <summary>
    /// A <c>rabbitmq-server</c> node of its own in <paramref name="directory"/>, with its own epmd (a child resource: an
    /// epmd started by Erlang itself would outlive the AppHost); healthy once it accepts an AMQP connection. Its
    /// <c>{name}-pipelines</c> child is the connection string pipelines publish with.
    /// </summary>
    public static IResourceBuilder<RabbitMqServerResource> AddRabbitMqServer(this IDistributedApplicationBuilder builder, string name, string directory)
    {
        var node = RabbitMqNode.InDirectory(directory);
        var epmd = builder.AddEpmd($"{name}-epmd", directory, node.EpmdPort);
        var server = builder.AddRabbitMqNode(name, node).WaitFor(epmd);
        epmd.WithParentRelationship(server);
        builder.AddPipelineUser(name, server.Resource);
        return server;
    }

    /// <summary>The epmd a node (or every node of a cluster) registers with, healthy once it listens.</summary>
    internal static IResourceBuilder<ExecutableResource> AddEpmd(this IDistributedApplicationBuilder builder, string name, string directory, int port)
    {
        var check = $"{name}-listens";
        builder.Services.AddHealthChecks().Add(new(check, _ => new EpmdHealthCheck(port), HealthStatus.Unhealthy, tags: null));
        return builder.AddExecutable(name, ExecutableLocator.Require("epmd", "erlang-base"), directory,
                "-address", "127.0.0.1", "-port", port.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment(context => Add(context, RabbitMqNode.ErlangEnvironment(port)))
            .WithHealthCheck(check);
    }

    /// <summary>One <c>rabbitmq-server</c> node, run as the rabbitmq user when the AppHost is root; healthy once it accepts an AMQP connection.</summary>
    internal static IResourceBuilder<RabbitMqServerResource> AddRabbitMqNode(this IDistributedApplicationBuilder builder, string name, RabbitMqNode node)
    {
        var script = ExecutableLocator.Require("rabbitmq-server", "rabbitmq-server", ServerScript);

        // As root, rabbitmq-server must run as its own user; setpriv (unlike su) keeps the environment set here.
        var server = Environment.IsPrivilegedProcess
            ? new RabbitMqServerResource(name, ExecutableLocator.Require("setpriv", "util-linux"), node.Directory, node)
            : new RabbitMqServerResource(name, script, node.Directory, node);
        var healthCheck = $"{name}-amqp";
        // One instance for every run: the factory is called per run, and the check keeps one connection open.
        var check = new RabbitMqServerHealthCheck(server);
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => check, HealthStatus.Unhealthy, tags: null));

        var resource = builder.AddResource(server)
            .WithEndpoint("tcp", endpoint =>
            {
                endpoint.Port = node.AmqpPort;
                endpoint.TargetPort = node.AmqpPort;
                endpoint.UriScheme = "amqp";
                endpoint.IsProxied = false;
            })
            .WithEnvironment(context => Add(context, node.ServerEnvironment()))
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted(async (_, _, cancellationToken) =>
            {
                node.PrepareFolders();
                if (Environment.IsPrivilegedProcess)
                {
                    await ChangeOwnerAsync(node.Directory, cancellationToken);
                }
            })
            .OnResourceReady((_, _, _) =>
            {
                node.MarkFirstBootComplete();
                return Task.CompletedTask;
            });
        if (Environment.IsPrivilegedProcess)
        {
            resource.WithArgs($"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", script);
        }

        return resource;
    }

    /// <summary>The pipelines' connection string as <c>{brokerName}-pipelines</c>, a child of the broker.</summary>
    internal static void AddPipelineUser(this IDistributedApplicationBuilder builder, string brokerName, IRabbitMqWithServiceUsers broker) =>
        builder.AddResource(new RabbitMqUserResource($"{brokerName}-pipelines", broker, RabbitMqServiceUser.Pipeline.Name))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "RabbitMQ user",
                State = new ResourceStateSnapshot("Active", KnownResourceStateStyles.Success),
                Properties = [],
            });

    private static void Add(EnvironmentCallbackContext context, Dictionary<string, string> variables)
    {
        foreach (var (key, value) in variables)
        {
            context.EnvironmentVariables[key] = value;
        }
    }

    private static async Task ChangeOwnerAsync(string directory, CancellationToken cancellationToken)
    {
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{ServiceUser}:{ServiceUser}", directory]);
        await chown.WaitForExitAsync(cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of the RabbitMQ folder to the {ServiceUser} user failed (exit code {chown.ExitCode}).");
        }
    }
}
