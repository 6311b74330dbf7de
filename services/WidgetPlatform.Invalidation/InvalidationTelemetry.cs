using WidgetPlatform.Caching;

namespace WidgetPlatform.Invalidation;

/// <summary>
/// Spans of each step between a change message and its CacheInvalidated, so a trace shows where an upload's announcement
/// spends its time (issue 15).
/// </summary>
internal static class InvalidationTelemetry
{
    /// <summary>Runs one step inside a span of that name.</summary>
    public static async Task<T> StepAsync<T>(string name, Func<Task<T>> step)
    {
        using var activity = PlatformTelemetry.ActivitySource.StartActivity(name);
        return await step();
    }

    public static async Task StepAsync(string name, Func<Task> step)
    {
        using var activity = PlatformTelemetry.ActivitySource.StartActivity(name);
        await step();
    }
}
