using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Manifests;

namespace WidgetPlatform.Query;

/// <summary>
/// The hard bound of G1: CacheInvalidated normally moves this replica's versions within milliseconds, but a lost or late
/// message cannot keep it on an old version for longer than one <see cref="VersionRefreshOptions.Interval"/>.
/// </summary>
public sealed partial class VersionRefresher(
    CurrentVersions versions, WidgetCatalog catalog, IOptions<VersionRefreshOptions> options, TimeProvider time, ILogger<VersionRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.Interval, time);
        var catalogReadAt = time.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var forgetCatalog = time.GetElapsedTime(catalogReadAt) >= settings.CatalogInterval;
            if (forgetCatalog)
            {
                catalogReadAt = time.GetTimestamp();
            }

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
                    LogRefreshFailed(logger, exception, studyId);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the versions of {StudyId}; trying again at the next interval")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string studyId);
}
