using MassTransit;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Invalidation;

/// <summary>
/// Spans of each step between a change message and its CacheInvalidated, so a trace shows where an upload's announcement
/// spends its time (issue 15); the same durations go with the CacheInvalidated to the gateways (<see cref="StepTimings"/>).
/// </summary>
internal static class InvalidationTelemetry
{
    // Ambient like Activity.Current: the steps run deep in the advancer, the header is written by the announcer.
    private static readonly AsyncLocal<StepTimings?> Current = new();

    /// <summary>
    /// Starts the step record of the message being consumed, with the time it waited for this consumer (unknown for a raw
    /// message without an envelope, whose sender stamped no time). Call at the start of Consume.
    /// </summary>
    public static void BeginSteps(ConsumeContext context)
    {
        var timings = new StepTimings();
        timings.AddWaitSince(EventPathStep.QueueWait, context.SentTime);
        Current.Value = timings;
    }

    /// <summary>The header value for the CacheInvalidated that announces the message being consumed.</summary>
    public static string? StepsHeader => Current.Value?.Format();

    /// <summary>Runs one step inside a span of that name, timed into the message's step record when there is one.</summary>
    public static Task<T> StepAsync<T>(string name, Func<Task<T>> step) => (Current.Value ?? new StepTimings()).TimeAsync(name, step);

    public static Task StepAsync(string name, Func<Task> step) => (Current.Value ?? new StepTimings()).TimeAsync(name, step);
}
