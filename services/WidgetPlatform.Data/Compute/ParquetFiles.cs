using Parquet;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute;

/// <summary>Opening dataset files; every failure of the Parquet library is reported with the file it came from.</summary>
internal static class ParquetFiles
{
    /// <summary>Dates as <see cref="DateOnly"/> keep date and timestamp columns apart.</summary>
    public static ParquetOptions ReadOptions { get; } = new() { UseDateOnlyTypeForDates = true };

    /// <param name="displayName">How an error names the file; the path when null.</param>
    public static async Task<ParquetReader> OpenAsync(string file, CancellationToken cancellationToken, string? displayName = null)
    {
        try
        {
            return await ParquetReader.CreateAsync(file, ReadOptions, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new DatasetReadException(displayName ?? file, null, "The file is not a readable Parquet file", exception);
        }
    }

    /// <summary>The columns of a file a widget can use, by name.</summary>
    public static Dictionary<string, ColumnKind> Columns(ParquetSchema schema)
    {
        var columns = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var field in schema.Fields.OfType<DataField>())
        {
            if (ColumnKinds.Of(field) is { } kind)
            {
                columns[field.Name] = kind;
            }
        }

        return columns;
    }

    /// <summary>The fields of a scan's columns in this file; a missing or differently typed column is an error naming both.</summary>
    public static DataField[] FieldsFor(ParquetSchema schema, IReadOnlyList<PlannedColumn> columns, string file)
    {
        var fields = new DataField[columns.Count];
        for (var index = 0; index < fields.Length; index++)
        {
            var column = columns[index];
            var field = schema.Fields.OfType<DataField>().FirstOrDefault(candidate => candidate.Name == column.Name)
                ?? throw new DatasetReadException(file, column.Name, "The column is missing");
            var kind = ColumnKinds.Of(field);
            if (kind != column.Kind)
            {
                throw new DatasetReadException(
                    file, column.Name, $"The column is {(kind is null ? field.ClrType.Name : ColumnKinds.Name(kind.Value))}, expected {ColumnKinds.Name(column.Kind)} as in the other files");
            }

            fields[index] = field;
        }

        return fields;
    }
}
