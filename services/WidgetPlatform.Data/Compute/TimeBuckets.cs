using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

internal static class TimeBuckets
{
    /// <summary>The day number of the first day of the bucket holding <paramref name="dayNumber"/>. Day 0 (0001-01-01) is a Monday, so ISO weeks are multiples of 7.</summary>
    public static int Start(TimeInterval interval, int dayNumber)
    {
        switch (interval)
        {
            case TimeInterval.Day:
                return dayNumber;
            case TimeInterval.Week:
                return dayNumber - (dayNumber % 7);
            case TimeInterval.Month:
                var date = DateOnly.FromDayNumber(dayNumber);
                return dayNumber - date.Day + 1;
            default:
                throw new ArgumentOutOfRangeException(nameof(interval), interval, null);
        }
    }

    public static int Next(TimeInterval interval, int bucketStart) => interval switch
    {
        TimeInterval.Day => bucketStart + 1,
        TimeInterval.Week => bucketStart + 7,
        TimeInterval.Month => DateOnly.FromDayNumber(bucketStart).AddMonths(1).DayNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };
}
