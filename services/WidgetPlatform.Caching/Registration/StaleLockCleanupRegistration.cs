using Microsoft.Extensions.DependencyInjection;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Cleanup;

namespace Microsoft.Extensions.Hosting;

/// <summary>The stale-lock cleanup, which only the warmer runs.</summary>
public static class StaleLockCleanupRegistration
{
    /// <summary>
    /// The removal of stampede locks no live computation holds (<see cref="StaleKeyCleanup"/>), judged by the configured
    /// <see cref="WidgetCacheOptions.LockTimeout"/>. Needs <see cref="WidgetCacheRegistration.AddWidgetCache"/>.
    /// </summary>
    public static void AddStaleLockCleanup(this IHostApplicationBuilder builder) => builder.Services.AddSingleton<StaleKeyCleanup>();
}
