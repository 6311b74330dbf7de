namespace WidgetPlatform.Data.Compute;

/// <summary>A dataset file that cannot be read as the widget needs: corrupt, or a column missing or of another type.</summary>
public sealed class DatasetReadException(string file, string? column, string message, Exception? inner = null)
    : Exception($"{message} (file '{file}'{(column is null ? "" : $", column '{column}'")})", inner)
{
    public string File { get; } = file;

    public string? Column { get; } = column;
}
