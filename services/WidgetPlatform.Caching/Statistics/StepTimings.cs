using System.Diagnostics;
using System.Globalization;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// The durations of the event path's steps one message has been through, carried to the next service in a message header
/// (<c>upload.publish=0.8;queue.wait=1.2</c>, milliseconds), so the gateway at the end of the path records the whole path of
/// each upload. A header that is missing, malformed or names unknown steps contributes nothing.
/// </summary>
public sealed class StepTimings
{
    public const string Header = "WidgetPlatform-Step-Timings";

    private readonly List<(string Step, double Ms)> _steps = [];

    public IReadOnlyList<(string Step, double Ms)> Steps => _steps;

    public void Add(string step, TimeSpan elapsed)
    {
        lock (_steps)
        {
            _steps.Add((step, elapsed.TotalMilliseconds));
        }
    }

    /// <summary>
    /// The wait of a message from its sender's stamp (MassTransit's <c>SentTime</c>) until now, on this machine's clock; none
    /// for a message that carries no stamp (raw JSON from a plain AMQP client) or one stamped ahead of this clock.
    /// </summary>
    public void AddWaitSince(string step, DateTime? sentUtc)
    {
        if (sentUtc is { } sent && DateTime.UtcNow - sent is { Ticks: >= 0 } waited)
        {
            Add(step, waited);
        }
    }

    /// <summary>Runs one step inside a span of its name, and adds its duration.</summary>
    public async Task<T> TimeAsync<T>(string step, Func<Task<T>> work)
    {
        using var activity = PlatformTelemetry.ActivitySource.StartActivity(step);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Add(step, Stopwatch.GetElapsedTime(started));
        }
    }

    public Task TimeAsync(string step, Func<Task> work) => TimeAsync(step, async () =>
    {
        await work();
        return true;
    });

    public string Format()
    {
        lock (_steps)
        {
            return string.Join(';', _steps.Select(pair => $"{pair.Step}={pair.Ms.ToString("0.###", CultureInfo.InvariantCulture)}"));
        }
    }

    public static StepTimings Parse(string? header)
    {
        var timings = new StepTimings();
        foreach (var part in (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0
                && EventPathStep.IsKnown(part[..separator])
                && double.TryParse(part[(separator + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                && double.IsFinite(ms) && ms >= 0)
            {
                timings._steps.Add((part[..separator], ms));
            }
        }

        return timings;
    }
}
