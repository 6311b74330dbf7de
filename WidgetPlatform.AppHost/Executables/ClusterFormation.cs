using Microsoft.Extensions.Logging;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// The life of a cluster resource over its node resources, Redis's or RabbitMQ's: waiting while its nodes start,
/// starting once every one is healthy, then running or failed to start by what <c>form</c> says.
/// </summary>
internal static class ClusterFormation
{
    public static async Task RunAsync(
        IResource cluster, IEnumerable<IResource> nodes, InitializeResourceEvent initialize, Func<CancellationToken, Task<bool>> form, CancellationToken cancellationToken)
    {
        bool formed;
        try
        {
            // A node that exits instead ends the wait (the AppHost's wait behaviour): the cluster then failed to start.
            foreach (var node in nodes)
            {
                await initialize.Notifications.WaitForResourceHealthyAsync(node.Name, cancellationToken);
            }

            await initialize.Notifications.PublishUpdateAsync(cluster, snapshot => snapshot with { State = KnownResourceStates.Starting });
            formed = await form(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever stopped it, the services waiting for the cluster must hear that it failed, not wait for their timeout.
            initialize.Logger.LogError(exception, "The cluster's nodes did not all start, or the cluster was not formed.");
            formed = false;
        }

        await initialize.Notifications.PublishUpdateAsync(cluster, snapshot => snapshot with
        {
            State = formed ? KnownResourceStates.Running : KnownResourceStates.FailedToStart,
        });
    }
}
