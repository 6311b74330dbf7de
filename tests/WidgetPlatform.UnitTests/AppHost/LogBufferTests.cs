using WidgetPlatform.AppHost.Hosting.Runtime;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class LogBufferTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"logbuffer-{Guid.NewGuid():N}.log");

    [Fact]
    public void ReaderGetsOnlyLinesAfterWhatItHasSeenAndTheFileGetsEveryLine()
    {
        using (var log = new LogBuffer(_file))
        {
            log.Append("stdout", "one");
            log.Append("stderr", "two");
            log.Append("stdout", "three");

            var after = log.After(1, 10);

            Assert.Equal(["two", "three"], after.Select(l => l.Text));
            Assert.Equal([2L, 3L], after.Select(l => l.Sequence));
            Assert.Equal(["three"], log.After(0, 1).Select(l => l.Text));
        }

        Assert.Equal(3, File.ReadAllLines(_file).Length);
    }

    public void Dispose() => File.Delete(_file);
}
