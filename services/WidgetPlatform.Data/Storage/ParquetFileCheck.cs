using Microsoft.Win32.SafeHandles;
using Parquet.Schema;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Data.Storage;

/// <summary>
/// Reads a whole Parquet file before it is published, so a truncated or corrupt upload is refused with the column at fault
/// instead of breaking every later computation over its version.
/// </summary>
/// <remarks>
/// Columns are decoded by the compute engine's own readers, into one rented vector: the check meets what a computation will
/// meet, and allocates next to nothing. Parquet.Net's raw column reads left ~6 MB of large-object garbage per 100,000-row
/// upload, a gen2 collection every few uploads on the gateway that takes them, and those pauses were the upload path's tail.
/// </remarks>
public static class ParquetFileCheck
{
    /// <summary>The file's row count.</summary>
    /// <exception cref="DatasetReadException">The file, or one of its columns, cannot be read.</exception>
    public static async Task<long> CheckAsync(string file, string displayName, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetFiles.OpenAsync(file, cancellationToken, displayName);
        var fields = reader.Schema.Fields.OfType<DataField>().ToArray();
        if (fields.Length == 0)
        {
            throw new DatasetReadException(displayName, null, "The file has no columns");
        }

        using var handle = File.OpenHandle(file);
        var vector = new ColumnVector();
        var interner = new StringInterner();
        try
        {
            long rows = 0;
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                var rowGroup = reader.OpenRowGroupReader(group);
                rows += rowGroup.RowCount;
                foreach (var field in fields)
                {
                    try
                    {
                        await ReadColumnAsync(rowGroup, field, vector, interner, handle, cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        throw new DatasetReadException(displayName, field.Name, $"Row group {group} cannot be read", exception);
                    }
                }
            }

            return rows;
        }
        finally
        {
            vector.Return();
        }
    }

    private static async ValueTask ReadColumnAsync(
        Parquet.ParquetRowGroupReader rowGroup, DataField field, ColumnVector vector, StringInterner interner, SafeFileHandle handle,
        CancellationToken cancellationToken)
    {
        if (ColumnKinds.Of(field) is { } kind)
        {
            await ColumnDecoder.DecodeAsync(rowGroup, field, kind, checked((int)rowGroup.RowCount), vector, interner, handle, cancellationToken);
            return;
        }

        // A column no widget can read is still read whole, so a corrupt one is refused like any other.
        using var values = await rowGroup.ReadRawColumnDataBaseAsync(field, cancellationToken);
    }
}
