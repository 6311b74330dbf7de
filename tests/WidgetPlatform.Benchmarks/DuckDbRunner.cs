using System.Globalization;
using DuckDB.NET.Data;

namespace WidgetPlatform.Benchmarks;

/// <summary>DuckDB answering the same questions over the same files, in the same process.</summary>
internal sealed class DuckDbRunner : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string _source;

    public DuckDbRunner(string dataDirectory, int threads)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = $"SET threads = {threads.ToString(CultureInfo.InvariantCulture)}";
        command.ExecuteNonQuery();
        _source = $"read_parquet('{Path.Combine(dataDirectory, "*.parquet").Replace("'", "''", StringComparison.Ordinal)}')";
    }

    public IReadOnlyList<ResultRow> Query(string sql, bool metric)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql.Replace("{ae}", _source, StringComparison.Ordinal);
        using var reader = command.ExecuteReader();
        var rows = new List<ResultRow>();
        while (reader.Read())
        {
            if (metric)
            {
                rows.Add(new ResultRow("value", Number(reader.GetValue(0))));
                if (reader.FieldCount > 1)
                {
                    rows.Add(new ResultRow("previous", Number(reader.GetValue(1))));
                }
            }
            else
            {
                rows.Add(new ResultRow(ResultRows.Text(reader.IsDBNull(0) ? null : reader.GetValue(0)), Number(reader.GetValue(1))));
            }
        }

        return rows;
    }

    public void Dispose() => _connection.Dispose();

    private static double? Number(object value) => value is DBNull ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
