namespace WidgetPlatform.Dashboard.Resources;

/// <summary>What one running instance of a resource looks like right now (one row of the dashboard).</summary>
/// <param name="Name">Instance name: the resource name, or <c>query-2</c> for the second replica.</param>
/// <param name="Resource">The resource the instance belongs to (<c>query</c>).</param>
/// <param name="Kind">redis, rabbitmq or project.</param>
/// <param name="Endpoints">URLs the instance listens on (http://…, redis://…, amqp://… without credentials).</param>
public sealed record ResourceSnapshot(
    string Name,
    string Resource,
    string Kind,
    ResourceState State,
    ResourceHealth Health,
    int? Pid,
    IReadOnlyList<string> Endpoints,
    int RestartCount,
    DateTimeOffset? StartedAt,
    string? LastExit);
