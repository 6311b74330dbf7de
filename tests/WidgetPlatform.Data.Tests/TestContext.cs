namespace WidgetPlatform.Data.Tests;

internal static class TestContext
{
    /// <summary>Generous bound so a hung read fails the test instead of the run.</summary>
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
