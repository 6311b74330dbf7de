using WidgetPlatform.Contracts;

namespace WidgetPlatform.UnitTests.Contracts;

/// <summary>The one spelling of a layer, used for folders, manifest fields, the upload endpoint and JSON.</summary>
public sealed class DatasetLayersTests
{
    [Fact]
    public void EveryLayerReadsBackFromItsName() =>
        Assert.All(DatasetLayers.All, layer => Assert.True(DatasetLayers.TryParse(DatasetLayers.Name(layer), out var read) && read == layer));

    [Theory]
    [InlineData("SOURCE", DatasetLayer.Source)]
    [InlineData("Transformed", DatasetLayer.Transformed)]
    public void NamesAreReadIgnoringCase(string name, DatasetLayer expected)
    {
        Assert.True(DatasetLayers.TryParse(name, out var layer));
        Assert.Equal(expected, layer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("raw")]
    [InlineData("source ")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("source,transformed")]
    public void AnythingElseIsNotALayer(string? name) => Assert.False(DatasetLayers.TryParse(name, out _));

    [Fact]
    public void AValueOutsideTheEnumHasNoName() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetLayers.Name((DatasetLayer)2));
}
