namespace WidgetPlatform.AppHostTesting;

/// <summary>
/// What the platform does a moment later (statistics flushed and alerts evaluated every second, a message consumed, a
/// warm finished): asks again until the answer says what a test waits for, and fails with the last answer after a while.
/// </summary>
public static class Eventually
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

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {what}. Last seen: {value}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A figure once nothing is on its way to it: read again <paramref name="apart"/> later until two reads agree (statistics
    /// published every second settle after a publication or two).
    /// </summary>
    public static async Task<T> SettledAsync<T>(Func<Task<T>> read, TimeSpan apart)
    {
        var value = await read();
        while (true)
        {
            await Task.Delay(apart);
            var next = await read();
            if (EqualityComparer<T>.Default.Equals(next, value))
            {
                return next;
            }

            value = next;
        }
    }
}
