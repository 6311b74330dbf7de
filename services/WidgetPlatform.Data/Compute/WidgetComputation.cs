using System.Text.Json;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>A computed answer: the result, how many Parquet rows were read for it, and the dataset version it reflects.</summary>
public sealed record WidgetComputation(WidgetResult Data, long RowsProcessed, string DataVersion, bool FromPartials)
{
    public byte[] SerializeData() => JsonSerializer.SerializeToUtf8Bytes(Data, WidgetJson.Options);
}
