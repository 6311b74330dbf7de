using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.Dashboard.Tests.Fakes;

/// <summary>A platform as the AppHost would show it mid-run: every state a row can be in at least once.</summary>
public static class SampleResources
{
    private static readonly DateTimeOffset Started = new(2025, 11, 23, 9, 41, 0, TimeSpan.Zero);

    public static ResourceSnapshot Cache { get; } = new(
        "cache", "cache", "redis", ResourceState.Running, ResourceHealth.Healthy, 4101, ["redis://127.0.0.1:40101"], 0, Started, null);

    public static ResourceSnapshot Messaging { get; } = new(
        "messaging", "messaging", "rabbitmq", ResourceState.Running, ResourceHealth.Healthy, 4102, ["amqp://127.0.0.1:40102"], 0, Started, null);

    public static ResourceSnapshot Query { get; } = new(
        "query", "query", "project", ResourceState.Running, ResourceHealth.Healthy, 4103, ["http://127.0.0.1:40103"], 0, Started, null);

    public static ResourceSnapshot Query2 { get; } = new(
        "query-2", "query", "project", ResourceState.Starting, ResourceHealth.Unknown, 4104, ["http://127.0.0.1:40104"], 0, Started, null);

    public static ResourceSnapshot Invalidation { get; } = new(
        "invalidation", "invalidation", "project", ResourceState.Exited, ResourceHealth.Unhealthy, null, [], 2, Started, "exit code 134 at 09:42:10");

    public static ResourceSnapshot Warmer { get; } = new(
        "warmer", "warmer", "project", ResourceState.Waiting, ResourceHealth.Unknown, null, [], 0, null, null);

    public static IReadOnlyList<ResourceSnapshot> All { get; } = [Cache, Messaging, Query, Query2, Invalidation, Warmer];
}
