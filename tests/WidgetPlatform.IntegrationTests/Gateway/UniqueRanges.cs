namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>Date ranges no other test asks for, so that a test's first request is really cold.</summary>
public static class UniqueRanges
{
    private static int _next = Random.Shared.Next(0, 200);

    public static string Next()
    {
        var start = new DateOnly(2023, 1, 1).AddDays(Interlocked.Increment(ref _next) % 700);
        return $"from={start:yyyy-MM-dd}&to={start.AddDays(20):yyyy-MM-dd}";
    }

    /// <summary>
    /// A range from the demo data's first day over most of it, ending on a day no other test asks for: enough rows that
    /// answers on two different uploads cannot come out equal by chance.
    /// </summary>
    public static string NextWide()
    {
        var end = new DateOnly(2024, 1, 1).AddDays(Interlocked.Increment(ref _next) % 700);
        return $"from=2023-01-01&to={end:yyyy-MM-dd}";
    }
}
