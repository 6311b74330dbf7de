namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>Statistics are flushed and alerts evaluated every second: asks again until the answer says what a test waits for.</summary>
internal static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not within {seconds} s: {what}. Last seen: {value}");
            await Task.Delay(200);
        }
    }
}
