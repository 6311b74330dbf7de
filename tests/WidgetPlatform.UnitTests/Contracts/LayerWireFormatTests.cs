using System.Text.Encodings.Web;
using System.Text.Json;
using MassTransit;
using MassTransit.Context;
using MassTransit.Serialization;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.UnitTests.Contracts;

/// <summary>
/// The bytes on RabbitMQ (docs/messages.md), through the serializers the services configure: MassTransit's envelope for what
/// we publish, its raw-JSON deserializer for what a Python or Node pipeline sends. A layer is "source" or "transformed" on
/// the wire, exactly as when it was a string, and nothing else is read as one.
/// </summary>
public sealed class LayerWireFormatTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 11, 14, 30, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData(DatasetLayer.Source, "source")]
    [InlineData(DatasetLayer.Transformed, "transformed")]
    public void CacheInvalidatedIsPublishedAsItWasWhenTheLayerWasAString(DatasetLayer layer, string name)
    {
        var message = Envelope(new CacheInvalidated
        {
            StudyId = "STUDY-001", Scope = InvalidationScope.Dataset, Layer = layer, Datasets = ["AE"], WidgetIds = ["ae-total"],
            PreviousVersion = "2024-01-10-143000", CurrentVersion = "2024-01-11-143000", Reason = "DataUploaded AE 2024-01-11-143000", InvalidatedAt = At,
        });

        Assert.Equal(
            $$"""{"studyId":"STUDY-001","scope":"dataset","layer":"{{name}}","datasets":["AE"],"widgetIds":["ae-total"],"tags":null,"previousVersion":"2024-01-10-143000","currentVersion":"2024-01-11-143000","reason":"DataUploaded AE 2024-01-11-143000","invalidatedAt":"2024-01-11T14:30:00+00:00"}""",
            message);
    }

    [Fact]
    public void ACacheInvalidatedWithoutADatasetSaysLayerNullAsBefore()
    {
        var message = Envelope(new CacheInvalidated
        {
            StudyId = "STUDY-001", Scope = InvalidationScope.Tags, WidgetIds = ["ae-total"], Tags = ["campaign:123"], Reason = "ManualInvalidationRequested", InvalidatedAt = At,
        });

        Assert.Contains("\"scope\":\"tags\",\"layer\":null,", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataUploadedKeepsItsFieldsAndCarriesNoLayer()
    {
        var message = Envelope(new DataUploaded { StudyId = "STUDY-001", Dataset = "AE", SourceVersion = "2024-01-11-143000", UploadedAt = At, RowCount = 1543 });

        Assert.Equal(
            """{"studyId":"STUDY-001","dataset":"AE","sourceVersion":"2024-01-11-143000","uploadedAt":"2024-01-11T14:30:00+00:00","rowCount":1543}""",
            message);
    }

    [Theory]
    [InlineData("source", DatasetLayer.Source)]
    [InlineData("transformed", DatasetLayer.Transformed)]
    [InlineData("Transformed", DatasetLayer.Transformed)]
    public void APlainJsonLayerIsReadAsThatLayer(string name, DatasetLayer expected)
    {
        var message = ReadRaw($$"""{"studyId":"STUDY-001","scope":"dataset","layer":"{{name}}","datasets":["AE"],"widgetIds":[],"currentVersion":"2024-01-11-143000","reason":"r","invalidatedAt":"2024-01-11T14:30:00Z"}""");

        Assert.Equal(expected, message.Layer);
    }

    [Theory]
    [InlineData("\"sideways\"", "'sideways' is not a layer: source or transformed.")]
    [InlineData("\"\"", "'' is not a layer: source or transformed.")]
    [InlineData("\"source, transformed\"", "'source, transformed' is not a layer: source or transformed.")]
    [InlineData("\" source\"", "' source' is not a layer: source or transformed.")]
    [InlineData("0", "'0' is not a layer: source or transformed.")]
    [InlineData("true", "'true' is not a layer: source or transformed.")]
    public void AnUnknownLayerIsRefusedWithItsReasonNeverTakenAsSource(string layer, string reason)
    {
        var refused = Assert.Throws<JsonException>(() => ReadRaw(
            $$"""{"studyId":"STUDY-001","scope":"dataset","layer":{{layer}},"datasets":["AE"],"widgetIds":[],"reason":"r","invalidatedAt":"2024-01-11T14:30:00Z"}"""));

        Assert.Equal(reason, refused.Message);
    }

    [Fact]
    public void AMessageWithoutALayerHasNone() =>
        Assert.Null(ReadRaw("""{"studyId":"STUDY-001","scope":"widget","widgetIds":["w"],"reason":"r","invalidatedAt":"2024-01-11T14:30:00Z"}""").Layer);

    /// <summary>
    /// The <c>message</c> of the envelope MassTransit publishes, compacted (the envelope is indented) and with its own relaxed
    /// escaping, so the text is what a subscriber reads.
    /// </summary>
    private static string Envelope<T>(T message) where T : class
    {
        var body = SystemTextJsonMessageSerializer.Instance.GetMessageBody(new MessageSendContext<T>(message));
        using var envelope = JsonDocument.Parse(body.GetBytes());
        return JsonSerializer.Serialize(envelope.RootElement.GetProperty("message"), Compact);
    }

    /// <summary>A body as a plain AMQP client sends it, read the way every endpoint of the platform reads plain JSON.</summary>
    private static CacheInvalidated ReadRaw(string json)
    {
        var context = new SystemTextJsonRawMessageSerializer(RawSerializerOptions.AnyMessageType)
            .Deserialize(new StringMessageBody(json), new DictionarySendHeaders(new Dictionary<string, object?>()), null);
        Assert.True(context.TryGetMessage<CacheInvalidated>(out var message));
        return message!;
    }
}
