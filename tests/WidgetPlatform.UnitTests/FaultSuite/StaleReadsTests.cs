using WidgetPlatform.FaultSuite.History;

namespace WidgetPlatform.UnitTests.FaultSuite;

/// <summary>The fault suite's history checker: what counts as a stale read and as a read going back in time.</summary>
public sealed class StaleReadsTests
{
    private static readonly UploadRecord[] Uploads =
    [
        new("2026-01-01-000001", AcceptedMs: 1_000, "gateway"),
        new("2026-01-01-000002", AcceptedMs: 2_000, "amqp"),
    ];

    [Theory]
    [InlineData(1_020, "2026-01-01-000000", 10, 1)]
    [InlineData(1_020, "2026-01-01-000000", 25, 0)]
    [InlineData(1_020, "2026-01-01-000001", 10, 0)]
    [InlineData(2_500, "2026-01-01-000001", 100, 1)]
    [InlineData(2_500, "2026-01-01-000001", 1_000, 0)]
    [InlineData(2_500, "2026-01-01-000003", 10, 0)]
    [InlineData(500, "2026-01-01-000000", 10, 0)]
    public void AReadIsStaleWhenItStartedMoreThanTheWindowAfterAnUploadAndReturnedAnOlderVersion(double startMs, string version, double windowMs, int stale)
    {
        ReadRecord[] reads = [new(0, "w", startMs, startMs + 1, 200, version)];

        Assert.Equal(stale, StaleReads.Count(reads, Uploads, windowMs));
    }

    [Fact]
    public void ReadsThatFailedAreNotJudgedStale()
    {
        ReadRecord[] reads = [new(0, "w", 5_000, 5_001, 503, null)];

        Assert.Equal(0, StaleReads.Count(reads, Uploads, 10));
    }

    [Fact]
    public void AReaderSeeingAWidgetGoBackInTimeIsAViolationOtherWidgetsAndReadersAreNot()
    {
        ReadRecord[] reads =
        [
            new(0, "a", 1, 2, 200, "v2"),
            new(0, "a", 3, 4, 200, "v1"),
            new(0, "a", 5, 6, 200, "v2"),
            new(0, "b", 7, 8, 200, "v1"),
            new(1, "a", 9, 10, 200, "v1"),
        ];

        Assert.Equal(1, StaleReads.MonotonicViolations(reads));
    }
}
