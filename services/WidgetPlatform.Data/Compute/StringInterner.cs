using System.Runtime.InteropServices;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Maps string values to dense ids without materialising a string per row. Parquet.Net hands out one char buffer
/// per dictionary entry, so within a row group the buffer's identity stands for the dictionary index; only the
/// first sighting of each buffer needs a content lookup.
/// </summary>
internal sealed class StringInterner
{
    private const int MaxBuffersPerRowGroup = 1 << 18;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
    private readonly Dictionary<object, int> _idsByBuffer = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _values = [];

    public StringInterner() => _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<string> Values => _values;

    /// <summary>Call at the start of each row group: buffers may be reused by the reader afterwards.</summary>
    public void ForgetBuffers() => _idsByBuffer.Clear();

    public int IdOf(ReadOnlyMemory<char> value)
    {
        var wholeBuffer = MemoryMarshal.TryGetArray(value, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length;
        if (wholeBuffer && _idsByBuffer.TryGetValue(segment.Array!, out var known))
        {
            return known;
        }

        var id = IdOf(value.Span);
        if (wholeBuffer && _idsByBuffer.Count < MaxBuffersPerRowGroup)
        {
            _idsByBuffer[segment.Array!] = id;
        }

        return id;
    }

    public int IdOf(ReadOnlySpan<char> value)
    {
        if (_idsBySpan.TryGetValue(value, out var id))
        {
            return id;
        }

        var text = value.ToString();
        id = _values.Count;
        _values.Add(text);
        _ids.Add(text, id);
        return id;
    }

    public int IdOf(string value) => IdOf(value.AsSpan());
}
