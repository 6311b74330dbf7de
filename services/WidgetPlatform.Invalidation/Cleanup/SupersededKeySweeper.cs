using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WidgetPlatform.Invalidation.Widgets;
using WidgetPlatform.Invalidation.Cleanup;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Invalidation.Cleanup;

/// <summary>
/// Removes superseded entries in the background (docs/design.md §7), so Redis memory does not grow with the number of versions.
/// Widgets whose dataset just advanced are walked first (the consumers nudge); otherwise each run walks on through every
/// widget of every mirrored study. A run examines at most <see cref="SupersededKeyOptions.KeysPerRun"/> index members.
/// </summary>
public sealed partial class SupersededKeySweeper(
    SupersededKeys keys,
    ManifestMirror mirror,
    DataStore store,
    IOptions<SupersededKeyOptions> options,
    TimeProvider time,
    ILogger<SupersededKeySweeper> logger) : BackgroundService
{
    private readonly Channel<IndexWalk> _nudged = Channel.CreateUnbounded<IndexWalk>();
    private readonly Queue<IndexWalk> _pass = new();
    private IndexWalk? _current;
    private DateTimeOffset _passStartedAt = DateTimeOffset.MinValue;

    /// <summary>Asks for the widgets' indexes to be walked soon: their dataset moved on.</summary>
    public void Nudge(string studyId, IEnumerable<WidgetDefinition> widgets)
    {
        foreach (var widget in widgets)
        {
            _nudged.Writer.TryWrite(new IndexWalk(studyId, widget.WidgetId, widget.Layer, widget.Dataset));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (examined, removed) = await RunAsync(settings, stoppingToken);
                if (removed > 0)
                {
                    LogRun(logger, removed, examined);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Redis away, a widget file mid-write: the next run tries again; cleanup is never urgent.
                LogRunFailed(logger, exception);
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wake.CancelAfter(settings.Interval);
            try
            {
                await _nudged.Reader.WaitToReadAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The interval elapsed.
            }
        }
    }

    /// <summary>One bounded run: the walk in progress, then nudged widgets, then the periodic pass.</summary>
    internal async Task<(int Examined, int Removed)> RunAsync(SupersededKeyOptions settings, CancellationToken cancellationToken)
    {
        var examined = 0;
        var removed = 0;
        var refilled = false;
        while (examined < settings.KeysPerRun && !cancellationToken.IsCancellationRequested)
        {
            var walk = _current ?? NextWalk();
            if (walk is null && !refilled && time.GetUtcNow() - _passStartedAt >= settings.Interval)
            {
                await RefillPassAsync(cancellationToken);
                refilled = true;
                walk = NextWalk();
            }

            if (walk is null)
            {
                break;
            }

            var step = await keys.StepAsync(
                walk.StudyId, walk.WidgetId, walk.Layer, walk.Dataset, walk.Cursor, Math.Min(settings.KeysPerStep, settings.KeysPerRun - examined));
            examined += Math.Max(step.Examined, 1);
            removed += step.Removed;
            _current = step.Cursor == 0 ? null : walk with { Cursor = step.Cursor };
        }

        return (examined, removed);
    }

    private IndexWalk? NextWalk() =>
        _nudged.Reader.TryRead(out var nudged) ? nudged : _pass.TryDequeue(out var next) ? next : null;

    private async Task RefillPassAsync(CancellationToken cancellationToken)
    {
        _passStartedAt = time.GetUtcNow();
        foreach (var study in await mirror.StudiesAsync())
        {
            foreach (var widget in await store.ListWidgetsAsync(study, cancellationToken))
            {
                _pass.Enqueue(new IndexWalk(study, widget.WidgetId, widget.Layer, widget.Dataset));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Removed} superseded or expired entries ({Examined} index members examined)")]
    private static partial void LogRun(ILogger logger, int removed, int examined);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Superseded-key cleanup run failed; trying again at the next run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
