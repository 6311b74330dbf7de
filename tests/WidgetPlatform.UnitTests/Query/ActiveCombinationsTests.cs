using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;
using WidgetPlatform.Query.Tracking;

namespace WidgetPlatform.UnitTests.Query;

public sealed class ActiveCombinationsTests
{
    private static readonly WidgetDefinition Widget = new()
    {
        WidgetId = "ae-total",
        Type = WidgetType.Metric,
        Dataset = "AE",
        Measure = new WidgetMeasure { Op = MeasureOp.Count },
        Revision = 1,
    };

    private static readonly WidgetRequest[] Requests = [.. Enumerable.Range(0, 1_500).Select(Request)];

    // The race lasts a few instructions: many short rounds give it many chances to show.
    [Theory]
    [MemberData(nameof(Rounds))]
    public async Task EveryCombinationRecordedWhileDrainsRunIsDrainedOnce(int round)
    {
        _ = round;
        var combinations = new ActiveCombinations(Microsoft.Extensions.Options.Options.Create(new ActiveTrackingOptions()), TimeProvider.System);
        var requests = Requests;
        var drained = new List<string>();
        using var recording = new CancellationTokenSource();

        // Drains run all the time the four recorders do, as the flusher's would under load.
        var drainer = Task.Run(async () =>
        {
            while (!recording.IsCancellationRequested)
            {
                drained.AddRange(combinations.Drain().Values.SelectMany(study => study).Select(entry => entry.Combination));
                await Task.Yield();
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(part => Task.Run(() =>
        {
            for (var index = part; index < requests.Length; index += 4)
            {
                combinations.Record(requests[index]);
            }
        })));
        await recording.CancelAsync();
        await drainer;
        drained.AddRange(combinations.Drain().Values.SelectMany(study => study).Select(entry => entry.Combination));

        Assert.Equal(requests.Length, drained.Distinct().Count());
        Assert.Equal(requests.Length, drained.Count);
    }

    public static TheoryData<int> Rounds() => [.. Enumerable.Range(0, 100)];

    private static WidgetRequest Request(int day)
    {
        var from = new DateOnly(2023, 1, 1).AddDays(day);
        var query = new WidgetQuery { From = from, To = from.AddDays(6) };
        return new WidgetRequest("STUDY-001", Widget, query, "2024-01-10-143000", CanonicalFilter.Create(Widget, query));
    }
}
