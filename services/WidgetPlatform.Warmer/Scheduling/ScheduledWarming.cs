using Microsoft.Extensions.Options;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Cleanup;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer.Scheduling;

/// <summary>
/// The warmer's own clock, one period per job: every study's priority widgets at start and every
/// <see cref="WarmingOptions.PriorityInterval"/>; active entries close to expiry every <see cref="WarmingOptions.HotRefreshInterval"/>;
/// stale stampede locks every <see cref="WarmingOptions.CleanupInterval"/>. Each job is leased: one replica runs it every
/// period, the others never, so two replicas never do the same run.
/// </summary>
public sealed partial class ScheduledWarming(
    IServiceScopeFactory scopes,
    ScheduleLease lease,
    StaleKeyCleanup cleanup,
    DataStore store,
    CurrentVersions versions,
    IOptions<WarmingOptions> options,
    WidgetCacheOptions cache,
    TimeProvider time,
    ILogger<ScheduledWarming> logger) : BackgroundService
{
    private const string PriorityJob = "priority-warm";
    private const string HotRefreshJob = "hot-refresh";
    private const string CleanupJob = "cleanup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Task WarmPriority() => ForEveryStudyAsync((warmer, study) => warmer.WarmAsync(study, null, force: false, [], stoppingToken));
        Task RefreshHot() => ForEveryStudyAsync((warmer, study) => warmer.RefreshHotAsync(study));
        Task CleanUp() => CleanUpAsync(stoppingToken);

        // The start-up warm first, on its own: everything else a fresh warmer does can wait for it.
        await RunLeasedAsync(PriorityJob, settings.PriorityInterval, WarmPriority);
        await Task.WhenAll(
            EveryAsync(PriorityJob, settings.PriorityInterval, WarmPriority, stoppingToken),
            RunLeasedThenEveryAsync(HotRefreshJob, settings.HotRefreshInterval, RefreshHot, stoppingToken),
            EveryAsync(CleanupJob, settings.CleanupInterval, CleanUp, stoppingToken));
    }

    private async Task RunLeasedThenEveryAsync(string job, TimeSpan period, Func<Task> run, CancellationToken stoppingToken)
    {
        await RunLeasedAsync(job, period, run);
        await EveryAsync(job, period, run, stoppingToken);
    }

    private async Task EveryAsync(string job, TimeSpan period, Func<Task> run, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunLeasedAsync(job, period, run);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunLeasedAsync(string job, TimeSpan period, Func<Task> run)
    {
        try
        {
            if (await lease.TryTakeAsync(job, period))
            {
                await run();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next period tries again: scheduled work only ever saves users a wait, so it must never stop the service.
            LogRunFailed(logger, exception, job);
        }
    }

    private async Task ForEveryStudyAsync(Func<StudyWarmer, string, Task> perStudy)
    {
        await using var scope = scopes.CreateAsyncScope();
        var warmer = scope.ServiceProvider.GetRequiredService<StudyWarmer>();
        foreach (var study in store.ListStudies())
        {
            await versions.RefreshAsync(study);
            await perStudy(warmer, study);
        }
    }

    /// <summary>
    /// Locks only, judged by the lock timeout this platform is configured with: a lock that expires within it may belong to a
    /// live computation. Index members of vanished entries are the invalidation service's sweep.
    /// </summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var report = await cleanup.RunAsync(
            new StaleKeyCleanupOptions { LockTimeout = cache.LockTimeout, IndexMembers = false }, cancellationToken);
        if (report.StaleLockCount > 0)
        {
            LogCleanedUp(logger, report.StaleLockCount);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup removed {Locks} stampede locks no live computation holds")]
    private static partial void LogCleanedUp(ILogger logger, long locks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled {Job} failed; trying again next period")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job);
}
