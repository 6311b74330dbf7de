using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Data.Tests.OnePass;

/// <summary>Partials shared through Redis read back exactly as written, whatever their keys hold.</summary>
public sealed class DailyPartialsFormatTests
{
    [Fact]
    public void EveryKindOfKeyAndEveryAccumulatorFieldReadsBackAsWritten()
    {
        var days = new ScanResult { RowsProcessed = 123_456 };
        GroupKey[] keys =
        [
            new(null), new("Mild"), new("Ødem — ß"), new(new string('x', 300)), new(new string('é', 20_000)),
            new(long.MinValue), new(true), new(false), new(new DateOnly(1901, 2, 3)),
        ];
        for (var day = 0; day < 40; day++)
        {
            var groups = days.Slot(day == 0 ? ScanPlan.NoDay : 738_000 + day);
            for (var index = 0; index < keys.Length; index++)
            {
                var accumulator = groups.Group(keys[index]);
                accumulator.AddInteger((day * 31) - index);
                accumulator.AddReal((day * 0.1) + index);
            }
        }

        var bytes = DailyPartialsFormat.Write(new DailyPartials(days, integerMeasure: true));
        var read = DailyPartialsFormat.Read(bytes);

        Assert.NotNull(read);
        Assert.True(read.IntegerMeasure);
        Assert.Equal(days.RowsProcessed, read.RowsProcessed);
        Assert.Equal(days.Slots.Keys.Order(), read.Days.Slots.Keys.Order());
        foreach (var (day, groups) in days.Slots)
        {
            var readGroups = read.Days.Slots[day].Groups;
            Assert.Equal(groups.Groups.Count, readGroups.Count);
            foreach (var (key, accumulator) in groups.Groups)
            {
                var other = readGroups[key];
                Assert.Equal(
                    (accumulator.Count, accumulator.IntegerSum, accumulator.RealSum, accumulator.HasExtremes, accumulator.MinInteger, accumulator.MaxInteger, accumulator.MinReal, accumulator.MaxReal),
                    (other.Count, other.IntegerSum, other.RealSum, other.HasExtremes, other.MinInteger, other.MaxInteger, other.MinReal, other.MaxReal));
            }
        }
    }

    [Fact]
    public void BytesCutShortAreRefusedNotMisread()
    {
        var days = new ScanResult { RowsProcessed = 10 };
        days.Slot(738_001).Group(new GroupKey("Severe")).AddInteger(4);
        var bytes = DailyPartialsFormat.Write(new DailyPartials(days, integerMeasure: true));

        Assert.NotNull(DailyPartialsFormat.Read(bytes));
        Assert.Null(DailyPartialsFormat.Read(bytes[..^1]));
    }
}
