extern alias invalidation;

using invalidation::WidgetPlatform.Invalidation;
using invalidation::WidgetPlatform.Invalidation.Restarts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace WidgetPlatform.UnitTests.Invalidation;

public sealed class RecentInvalidationsTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-28T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void KeepsEachWidgetOnceByStudyWithinTheWindow()
    {
        var recent = Recent(TimeSpan.FromMinutes(10));
        recent.Record("STUDY-001", "ae-total");
        recent.Record("STUDY-002", "dm-by-arm");
        recent.Record("STUDY-001", "ae-by-site");
        recent.Record("STUDY-001", "ae-total");

        var byStudy = recent.ByStudy();

        Assert.Equal(["ae-by-site", "ae-total"], byStudy["STUDY-001"]);
        Assert.Equal(["dm-by-arm"], byStudy["STUDY-002"]);
    }

    [Fact]
    public void ForgetsWhatIsOlderThanTheWindowCountingFromTheLatestInvalidation()
    {
        var recent = Recent(TimeSpan.FromMinutes(10));
        recent.Record("STUDY-001", "ae-total");
        recent.Record("STUDY-001", "ae-by-site");
        _time.Advance(TimeSpan.FromMinutes(6));
        recent.Record("STUDY-001", "ae-total");
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(["ae-total"], recent.ByStudy()["STUDY-001"]);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Empty(recent.ByStudy());
    }

    private RecentInvalidations Recent(TimeSpan window) =>
        new(Options.Create(new InvalidationOptions { RedisRestartReplayWindow = window }), _time);
}
