using System.Diagnostics;
using System.Text;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>Issue 5: one trace follows an upload — publish → consume → CacheInvalidated → whoever subscribes.</summary>
[Collection(SharedPlatform.Name)]
public sealed class TraceTests(PlatformFixture platform) : InvalidationTestBase(platform)
{
    // MassTransit 8 carries the W3C trace context in this header (traceparent format).
    private const string TraceHeader = "MT-Activity-Id";

    [Fact]
    public async Task CacheInvalidatedContinuesTheTraceOfTheUploadThatCausedIt()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("WidgetPlatform.IntegrationTests");
        using var upload = source.StartActivity("upload")!;

        var observed = await UploadAsync("AE", TestStudy.V2);

        Assert.Contains(upload.TraceId.ToHexString(), observed.Headers[TraceHeader]);
    }

    [Fact]
    public async Task RawJsonJoinsTheTraceNamedInItsActivityHeader()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        Study.Publish(DatasetLayer.Source, "DM", TestStudy.V2);

        await Probe.PublishRawAsync(
            "WidgetPlatform.Contracts:DataUploaded",
            $$"""{"studyId":"{{Study.Id}}","dataset":"DM","sourceVersion":"{{TestStudy.V2}}","uploadedAt":"2024-01-11T14:30:00Z"}""",
            headers: new Dictionary<string, object?> { [TraceHeader] = Encoding.UTF8.GetBytes($"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01") });

        var observed = await Probe.NextAsync(Study.Id);
        Assert.Contains(traceId, observed.Headers[TraceHeader]);
    }
}
