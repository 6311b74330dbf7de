using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// A pipeline that is not .NET, as docs/messages.md tells one to publish: the version folder written first, then plain JSON
/// (no MassTransit envelope), persistent, to the message type's exchange, waiting for the broker's publisher confirm.
/// </summary>
public sealed class PipelinePublisher : IAsyncDisposable
{
    public const string DataUploadedExchange = "WidgetPlatform.Contracts:DataUploaded";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly DataStore _store;

    private PipelinePublisher(IConnection connection, IChannel channel, DataStore store)
    {
        _connection = connection;
        _channel = channel;
        _store = store;
    }

    public static async Task<PipelinePublisher> ConnectAsync(TestPlatform host)
    {
        var connection = await host.Broker(TestPlatform.PipelineMessaging).ConnectAsync("fault-suite-pipeline");
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclarePassiveAsync(DataUploadedExchange);
        return new PipelinePublisher(connection, channel, new DataStore(host.DataDirectory));
    }

    /// <summary>Writes <paramref name="parquet"/> as a new version of the source dataset and announces it; returns the version once the broker confirmed.</summary>
    public async Task<string> UploadAsync(string studyId, string dataset, byte[] parquet, int rows)
    {
        var version = await WriteVersionAsync(studyId, dataset, parquet);
        await AnnounceAsync(studyId, dataset, version, rows);
        return version;
    }

    /// <summary>
    /// A pipeline's first step: the new version folder of the source dataset, written whole before any message. An upload
    /// through the gateway may take the same version in the same instant; then the next one is taken, as a pipeline would.
    /// </summary>
    public async Task<string> WriteVersionAsync(string studyId, string dataset, byte[] parquet)
    {
        for (var attempt = 1; ; attempt++)
        {
            var version = _store.NextVersion(studyId, DatasetLayer.Source, dataset, DateTime.UtcNow);
            try
            {
                await _store.PublishDatasetVersionAsync(studyId, DatasetLayer.Source, dataset, version, (folder, cancellationToken) =>
                    File.WriteAllBytesAsync(Path.Combine(folder, "part-0.parquet"), parquet, cancellationToken));
                return version;
            }
            catch (DatasetVersionConflictException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>The DataUploaded of a version already written: a pipeline's retry, or its announcement of an older version.</summary>
    public Task AnnounceAsync(string studyId, string dataset, string version, int rows) =>
        PublishRawAsync(DataUploadedExchange, JsonSerializer.Serialize(
            new { studyId, dataset, sourceVersion = version, uploadedAt = DateTimeOffset.UtcNow, rowCount = rows }, Json));

    /// <summary>A body as it is, to an exchange, confirmed by the broker (a poison message, say).</summary>
    public async Task PublishRawAsync(string exchange, string body, string? contentType = "application/json")
    {
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(exchange, string.Empty, mandatory: false, properties, Encoding.UTF8.GetBytes(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
