using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Cleanup;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer.Scheduling;

/// <summary>
/// The warmer's own clock: every study's priority widgets at start and every <see cref="WarmingOptions.PriorityInterval"/>,
/// and active entries close to expiry every <see cref="WarmingOptions.HotRefreshInterval"/>. Each job is leased: one replica
/// runs it every period, the others never, so two replicas never do the same run.
/// </summary>
public sealed partial class ScheduledWarming(
    IServiceScopeFactory scopes,
    ScheduleLease lease,
    StaleKeyCleanup cleanup,
    DataStore store,
    CurrentVersions versions,
    IOptions<WarmingOptions> options,
    ILogger<ScheduledWarming> logger) : BackgroundService
{
    private const string PriorityJob = "priority-warm";
    private const string HotRefreshJob = "hot-refresh";
    private const string CleanupJob = "cleanup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextPriority = DateTime.UtcNow;
        var nextCleanup = DateTime.UtcNow + settings.CleanupInterval;
        using var timer = new PeriodicTimer(settings.HotRefreshInterval);
        do
        {
            if (DateTime.UtcNow >= nextPriority)
            {
                await RunAsync(PriorityJob, settings.PriorityInterval, (warmer, study) => warmer.WarmAsync(study, null, force: false, stoppingToken));
                nextPriority = DateTime.UtcNow + settings.PriorityInterval;
            }

            if (DateTime.UtcNow >= nextCleanup)
            {
                await CleanUpAsync(settings.CleanupInterval, stoppingToken);
                nextCleanup = DateTime.UtcNow + settings.CleanupInterval;
            }

            await RunAsync(HotRefreshJob, settings.HotRefreshInterval, (warmer, study) => warmer.RefreshHotAsync(study, stoppingToken));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(string job, TimeSpan period, Func<StudyWarmer, string, Task> perStudy)
    {
        try
        {
            if (!await lease.TryTakeAsync(job, period))
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var warmer = scope.ServiceProvider.GetRequiredService<StudyWarmer>();
            foreach (var study in store.ListStudies())
            {
                await versions.RefreshAsync(study);
                await perStudy(warmer, study);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next period tries again: scheduled warming only ever saves users a wait, so it must never stop the service.
            LogRunFailed(logger, job, exception.Message);
        }
    }

    private async Task CleanUpAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        try
        {
            if (await lease.TryTakeAsync(CleanupJob, period))
            {
                var report = await cleanup.RunAsync(new StaleKeyCleanupOptions(), cancellationToken);
                LogCleanedUp(logger, report.StaleLockCount, report.DanglingMemberCount);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRunFailed(logger, CleanupJob, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup removed {Locks} stale locks and {Members} index members of vanished entries")]
    private static partial void LogCleanedUp(ILogger logger, long locks, long members);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled {Job} failed: {Reason}")]
    private static partial void LogRunFailed(ILogger logger, string job, string reason);
}
