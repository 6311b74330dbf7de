using Parquet;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute;

/// <summary>Skips row groups whose time-column statistics lie wholly outside the requested days.</summary>
internal static class RowGroupPruning
{
    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    public static bool CanSkip(ParquetRowGroupReader rowGroup, DataField timeField, int lowDay, int highDay)
    {
        Parquet.Data.DataColumnStatistics? statistics;
        try
        {
            statistics = rowGroup.GetStatistics(timeField);
        }
        catch (ParquetException)
        {
            // Unreadable statistics only cost the skip, never the answer.
            return false;
        }

        if (statistics is null || DayOf(statistics.MinValue) is not { } min || DayOf(statistics.MaxValue) is not { } max)
        {
            return false;
        }

        return max < lowDay || min > highDay;
    }

    private static int? DayOf(object? value) => value switch
    {
        DateOnly date => date.DayNumber,
        DateTime timestamp => (int)(timestamp.Ticks / TimeSpan.TicksPerDay),
        int unixDays => UnixEpochDay + unixDays,
        _ => null,
    };
}
