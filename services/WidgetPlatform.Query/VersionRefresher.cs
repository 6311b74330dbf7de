using WidgetPlatform.Caching.Manifests;

namespace WidgetPlatform.Query;

/// <summary>
/// The hard bound of G1: CacheInvalidated normally moves this replica's versions within milliseconds, but a lost or late
/// message cannot keep it on an old version for longer than one refresh interval.
/// </summary>
public sealed partial class VersionRefresher(CurrentVersions versions, WidgetCatalog catalog, ILogger<VersionRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly int CatalogEvery = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var ticks = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var forgetCatalog = ++ticks % CatalogEvery == 0;
            foreach (var studyId in versions.KnownStudies.ToList())
            {
                try
                {
                    await versions.RefreshAsync(studyId);
                    if (forgetCatalog)
                    {
                        // Definitions changed behind the API's back (a file edited by hand) are picked up too, in time.
                        catalog.Forget(studyId);
                    }
                }
                catch (Exception exception) when (exception is IOException or InvalidDataException)
                {
                    LogRefreshFailed(logger, studyId, exception);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the versions of {StudyId}")]
    private static partial void LogRefreshFailed(ILogger logger, string studyId, Exception exception);
}
