using MassTransit;
using Microsoft.Extensions.Options;
using WidgetPlatform.AppHost.DevState;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Query.Uploads;

namespace WidgetPlatform.UnitTests.Query.Uploads;

/// <summary>An upload whose announcement no broker confirms is refused within the publish timeout, not left hanging.</summary>
public sealed class DatasetUploaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"wp-upload-{Guid.NewGuid():N}");

    [Fact]
    public async Task AnUploadWhoseAnnouncementNoBrokerConfirmsIsRefusedNamingTheVersionWritten()
    {
        await DemoStudy.WriteIfNoStudyAsync(_root, 2_000, CancellationToken.None);
        var store = new DataStore(_root);
        var parquet = await File.ReadAllBytesAsync(Directory.EnumerateFiles(Path.Combine(_root, "studies", DemoStudy.StudyId, "source", "AE"), "*.parquet", SearchOption.AllDirectories).First());
        // A bus on a port nothing listens on: a publish waits for a connection that never comes, as during a broker outage.
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host("127.0.0.1", 1, "/", "uploader-tests", host =>
        {
            host.Username("guest");
            host.Password("guest");
        }));
        var uploader = new DatasetUploader(store, bus, new CacheCounters(), TimeProvider.System,
            Options.Create(new DatasetUploadOptions { PublishTimeout = TimeSpan.FromMilliseconds(300) }));

        var refused = await Assert.ThrowsAsync<BrokerUnavailableException>(() =>
            uploader.UploadAsync(DemoStudy.StudyId, DatasetLayer.Source, "AE", new MemoryStream(parquet), CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));

        var written = Directory.GetDirectories(Path.Combine(_root, "studies", DemoStudy.StudyId, "source", "AE")).Select(Path.GetFileName).Max(StringComparer.Ordinal);
        Assert.Contains($"version {written}", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
