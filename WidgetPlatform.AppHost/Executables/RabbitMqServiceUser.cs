namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// One service's RabbitMQ user (issue 18, least privilege), as the broker's three permissions on resource names:
/// <c>configure</c> (declare, delete), <c>write</c> (publish to an exchange, bind to a queue or exchange) and <c>read</c>
/// (consume from a queue, bind from an exchange). Each service may declare and use its own queues (and the exchanges
/// MassTransit puts in front of them, their <c>_error</c> and <c>_skipped</c>), declare the message exchanges it publishes
/// or consumes, publish only its own messages and MassTransit's faults, and read only the messages it consumes.
/// </summary>
public sealed record RabbitMqServiceUser(string Name, string OwnQueues, IReadOnlyList<string> Publishes, IReadOnlyList<string> Consumes)
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

    public string Configure => Anchored(OwnQueues, Messages([.. Publishes, .. Consumes]), Faults);

    public string Write => Anchored(OwnQueues, Messages(Publishes), Faults);

    // MassTransit binds each fault exchange to its base Fault exchange when it publishes a fault, and binding takes read on
    // the source exchange: no queue has those names, so nothing can be consumed through it.
    public string Read => Anchored(OwnQueues, Messages(Consumes), Faults);

    private static string Messages(IEnumerable<string> names) => $"{Contracts}({string.Join('|', names.Distinct(StringComparer.Ordinal))})";

    private static string Anchored(params string[] alternatives) => $"^({string.Join('|', alternatives)})$";
}
