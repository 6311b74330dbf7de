using System.Globalization;
using System.Text;

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

    public string Format()
    {
        lock (_steps)
        {
            var text = new StringBuilder();
            foreach (var (step, ms) in _steps)
            {
                text.Append(text.Length == 0 ? "" : ";").Append(step).Append('=').Append(ms.ToString("0.###", CultureInfo.InvariantCulture));
            }

            return text.ToString();
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
