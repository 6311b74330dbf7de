namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// One service's RabbitMQ user, or the pipelines' (issue 18, least privilege), as the broker's three permissions on
/// resource names: <c>configure</c> (declare, delete), <c>write</c> (publish to an exchange, bind to a queue or exchange)
/// and <c>read</c> (consume from a queue, bind from an exchange). Each service may declare and use its own queues (and the
/// exchanges MassTransit puts in front of them, their <c>_error</c> and <c>_skipped</c>), declare the message exchanges
/// it publishes or consumes, publish only its own messages and MassTransit's faults, and read only the messages it
/// consumes. Pipelines have no queue and declare nothing: they publish the messages that announce new data, nothing else.
/// </summary>
public sealed record RabbitMqServiceUser(string Name, string? OwnQueues, IReadOnlyList<string> Publishes, IReadOnlyList<string> Consumes)
{
    private const string Contracts = @"WidgetPlatform\.Contracts:";
    // A consumer's fault (Fault<T>, and MassTransit's base Fault it is also published as), and a message that could not be
    // read at all (ReceiveFault).
    private const string Faults = "MassTransit:(Fault|Fault--.*|ReceiveFault)";

    public static readonly IReadOnlyList<RabbitMqServiceUser> Services =
    [
        // Each gateway replica has temporary queues of its own, named by consumer and instance.
        new("query", "(cache-invalidated|study-cache-warmed)-.*",
            ["DataUploaded", "PipelineCompleted", "ManualInvalidationRequested", "WarmRequested", "WidgetConfigurationChanged"],
            ["CacheInvalidated", "StudyCacheWarmed"]),
        new("invalidation", "invalidation-.*",
            ["CacheInvalidated"],
            ["DataUploaded", "PipelineCompleted", "WidgetConfigurationChanged", "ManualInvalidationRequested"]),
        // A warm-up of every study is split into one WarmRequested per study, which the warmer publishes to itself.
        new("warmer", "warmer-.*",
            ["StudyCacheWarmed", "WarmRequested"],
            ["DataUploaded", "PipelineCompleted", "CacheInvalidated", "WarmRequested"]),
    ];

    /// <summary>What upstream pipelines publish with, in place of the operator's administrator (docs/messages.md).</summary>
    public static readonly RabbitMqServiceUser Pipeline = new("pipeline", OwnQueues: null,
        ["DataUploaded", "PipelineCompleted", "WidgetConfigurationChanged"], Consumes: []);

    public static readonly IReadOnlyList<RabbitMqServiceUser> All = [.. Services, Pipeline];

    /// <summary>A consumer, through MassTransit: it has queues, and publishes a fault when a message fails.</summary>
    private bool Consumer => OwnQueues is not null;

    // A pipeline declares nothing: configure would let it delete an exchange too, cutting the services off. It checks that
    // the exchange exists (a passive declare, which needs no permission) and publishes.
    public string Configure => Consumer ? Anchored(OwnQueues, Messages([.. Publishes, .. Consumes]), Faults) : Anchored();

    public string Write => Anchored(OwnQueues, Messages(Publishes), Consumer ? Faults : null);

    // MassTransit binds each fault exchange to its base Fault exchange when it publishes a fault, and binding takes read on
    // the source exchange: no queue has those names, so nothing can be consumed through it.
    public string Read => Anchored(OwnQueues, Messages(Consumes), Consumer ? Faults : null);

    private static string? Messages(IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } distinct ? $"{Contracts}({string.Join('|', distinct)})" : null;

    // No alternative at all is "^$": RabbitMQ's way to grant nothing.
    private static string Anchored(params string?[] alternatives) =>
        alternatives.OfType<string>().ToList() is { Count: > 0 } present ? $"^({string.Join('|', present)})$" : "^$";
}
