using System.Text;
using System.Text.Json.Nodes;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests;

/// <summary>A definition's <c>layer</c> (docs/design.md §4) is read and written by the layer's one converter, not the general enum one.</summary>
public sealed class WidgetDefinitionLayerTests
{
    [Theory]
    [InlineData("\"source\"", DatasetLayer.Source)]
    [InlineData("\"transformed\"", DatasetLayer.Transformed)]
    [InlineData("\"Transformed\"", DatasetLayer.Transformed)]
    public void ALayerIsReadIgnoringCaseAndWrittenInLowerCase(string layer, DatasetLayer expected)
    {
        var widget = Read(layer);

        Assert.Equal(expected, widget.Layer);
        Assert.Equal(DatasetLayers.Name(expected), (string?)JsonNode.Parse(WidgetJson.Serialize(widget))!["layer"]);
    }

    [Theory]
    [InlineData("\"sideways\"", "'sideways' is not a layer")]
    [InlineData("\"source, transformed\"", "'source, transformed' is not a layer")]
    [InlineData("1", "'1' is not a layer")]
    public void AnUnknownLayerMakesTheDefinitionInvalidWithTheReason(string layer, string reason)
    {
        var error = Assert.Throws<WidgetDefinitionException>(() => Read(layer));

        Assert.Contains(error.Errors, message => message.Contains("$.layer", StringComparison.Ordinal) && message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutALayerADefinitionReadsSource() =>
        Assert.Equal(DatasetLayer.Source, WidgetJson.Deserialize("""{"widgetId":"w","type":"metric","dataset":"AE","measure":{"op":"count"}}"""u8, "test").Layer);

    private static WidgetDefinition Read(string layer) => WidgetJson.Deserialize(
        Encoding.UTF8.GetBytes($$$"""{"widgetId":"w","type":"metric","dataset":"AE","layer":{{{layer}}},"measure":{"op":"count"}}"""), "test");
}
