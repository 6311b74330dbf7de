using System.Diagnostics;
using WidgetPlatform.Caching.Keys;
using Aspire.Hosting.ApplicationModel;
using WidgetPlatform.Contracts;
using Xunit.Abstractions;

namespace WidgetPlatform.IntegrationTests.Invalidation;

// Stops or kills the one instance of a server or service: the scale-out profile's are clustered (ScaleOut/FailoverTests).
/// <summary>
/// Issue 5: the service killed in the middle of a stream of 500 events and started again (the dashboard's Start) handles every event —
/// the queue is durable and a message is acknowledged only once handled.
/// </summary>
[Collection(SharedPlatform.Name)]
[Trait("Profile", "single")]
public sealed class KillMidStreamTests(PlatformFixture platform, ITestOutputHelper output) : InvalidationTestBase(platform)
{
    private const int Events = 500;
    private const string Service = "invalidation";

    [Fact]
    public async Task EveryEventIsHandledWhenTheServiceIsKilledMidStream()
    {
        // One dataset per event: each event has exactly one visible effect, so a lost one cannot hide behind a newer version.
        var datasets = Enumerable.Range(0, Events).Select(index => $"DS{index:000}").ToList();
        foreach (var dataset in datasets)
        {
            Study.Publish(DatasetLayer.Source, dataset, TestStudy.V2);
        }

        // A study only on disk: the restarted service must mirror it at startup.
        var diskOnly = TestStudy.Create(Platform.Host, "SEED", withWidgets: false);
        var clock = Stopwatch.StartNew();

        // Published at once, as a busy pipeline would: the quorum queue confirms a batch per disk write.
        await Task.WhenAll(datasets[..(Events / 2)].Select(dataset => Probe.PublishAsync(Uploaded(dataset, TestStudy.V2))));

        var publishedAt = clock.Elapsed;
        var announced = new HashSet<string>(StringComparer.Ordinal);
        var announcements = Collect(await Probe.NextAsync(Study.Id), announced);
        var firstAt = clock.Elapsed;
        while (announced.Count < 50)
        {
            announcements += Collect(await Probe.NextAsync(Study.Id), announced);
        }

        Platform.Host.Kill(Service);
        var killedAt = clock.Elapsed;
        var handledBeforeKill = announced.Count;

        // Published while the service is down: they wait in the durable queue.
        await Task.WhenAll(datasets[(Events / 2)..].Select(dataset => Probe.PublishAsync(Uploaded(dataset, TestStudy.V2))));

        await Platform.Host.WaitForAsync(Service, instance => !instance.IsRunning, TimeSpan.FromSeconds(30));
        await Platform.Host.StartAsync(Service);
        await Platform.Host.WaitForAsync(Service, instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(60));
        var healthyAt = clock.Elapsed;
        while (announced.Count < Events)
        {
            announcements += Collect(await Probe.NextAsync(Study.Id, TimeSpan.FromSeconds(30)), announced);
        }

        var doneAt = clock.Elapsed;
        await Task.Delay(Grace);
        announcements += Probe.Drain(Study.Id).Sum(observed => Collect(observed, announced));

        var mirror = await Probe.Redis.HashGetAllAsync(RedisKeys.Manifest(Study.Id));
        var manifest = await ManifestOnDiskAsync();
        Assert.All(datasets, dataset => Assert.Equal(TestStudy.V2, mirror.Single(field => field.Name == $"source/{dataset}").Value.ToString()));
        Assert.All(datasets, dataset => Assert.Equal(TestStudy.V2, manifest.Datasets.Source[dataset]));
        Assert.InRange(handledBeforeKill, 50, Events - 1);
        Assert.Equal(TestStudy.V1, await Probe.Redis.HashGetAsync(RedisKeys.Manifest(diskOnly.Id), RedisKeys.ManifestField(DatasetLayer.Source, "AE")));

        output.WriteLine(
            $"first half published in {publishedAt.TotalSeconds:F2} s, first announced at {firstAt.TotalSeconds:F2} s; {Events} events; killed after {handledBeforeKill} were announced ({killedAt.TotalSeconds:F2} s); healthy again at {healthyAt.TotalSeconds:F2} s; " +
            $"all announced at {doneAt.TotalSeconds:F2} s; {announcements - Events} announced twice; " +
            $"{handledBeforeKill / killedAt.TotalSeconds:F0} events/s before the kill, {(Events - handledBeforeKill) / (doneAt - healthyAt).TotalSeconds:F0} events/s after the restart.");
    }

    private static int Collect(ObservedInvalidation observed, HashSet<string> announced)
    {
        foreach (var dataset in observed.Message.Datasets ?? [])
        {
            announced.Add(dataset);
        }

        return 1;
    }
}
