using System.Diagnostics;
using WidgetPlatform.ServiceDefaults;

namespace WidgetPlatform.UnitTests.ServiceDefaults;

public sealed class OrphanSpanFilterTests : IDisposable
{
    private readonly ActivitySource _service = new("WidgetPlatform.UnitTests.Service");
    private readonly ActivitySource _redis = new("OpenTelemetry.Instrumentation.StackExchangeRedis");
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = _ => true,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private readonly OrphanSpanFilter _filter = new();

    public OrphanSpanFilterTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void AChildOfASpanThatIsNotExportedIsNotExportedEither()
    {
        using var probe = _service.StartActivity("GET /health")!;
        probe.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded; // as the ASP.NET Core instrumentation's filter leaves it
        using var ping = _redis.StartActivity("PING")!;

        _filter.OnEnd(ping);

        Assert.False(ping.Recorded);
    }

    [Fact]
    public void ARedisCommandOutsideAnyOperationIsNotExported()
    {
        Activity.Current = null;
        using var ping = _redis.StartActivity("PING")!;

        _filter.OnEnd(ping);

        Assert.False(ping.Recorded);
    }

    [Fact]
    public void ARedisCommandInsideARequestIsExported()
    {
        using var request = _service.StartActivity("GET /api/studies/{studyId}/widgets/{widgetId}/data")!;
        using var get = _redis.StartActivity("GET")!;

        _filter.OnEnd(get);

        Assert.True(get.Recorded);
    }

    [Fact]
    public void AnOperationOfItsOwnIsExported()
    {
        Activity.Current = null;
        using var compute = _service.StartActivity("widget.compute")!;

        _filter.OnEnd(compute);

        Assert.True(compute.Recorded);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _service.Dispose();
        _redis.Dispose();
    }
}
