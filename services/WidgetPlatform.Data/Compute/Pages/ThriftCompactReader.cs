namespace WidgetPlatform.Data.Compute.Pages;

/// <summary>Just enough of the Thrift compact protocol to read page headers and skip what they carry besides.</summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> bytes)
{
    private const int BooleanTrue = 1;
    private const int BooleanFalse = 2;
    private const int Byte = 3;
    private const int I16 = 4;
    private const int I32 = 5;
    private const int I64 = 6;
    private const int Double = 7;
    private const int Binary = 8;
    private const int List = 9;
    private const int Set = 10;
    private const int Map = 11;
    private const int Struct = 12;
    private const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _depth;

    public int Position { get; private set; }

    /// <summary>Moves to the next field of the current struct; false at its stop byte.</summary>
    public bool NextField(ref short field, out int type)
    {
        var header = _bytes[Position++];
        type = header & 0x0F;
        if (type == 0)
        {
            return false;
        }

        var delta = header >> 4;
        field = delta != 0 ? (short)(field + delta) : (short)ZigZag(ReadVarint());
        return true;
    }

    public int ReadInt(int type) => type is I16 or I32 or I64 ? checked((int)ZigZag(ReadVarint()))
        : throw new InvalidDataException($"A page header field has Thrift type {type}, expected an integer.");

    public static bool ReadBool(int type) => type switch
    {
        BooleanTrue => true,
        BooleanFalse => false,
        _ => throw new InvalidDataException($"A page header field has Thrift type {type}, expected a boolean."),
    };

    public void Skip(int type)
    {
        switch (type)
        {
            case BooleanTrue or BooleanFalse:
                break;
            case Byte:
                Position++;
                break;
            case I16 or I32 or I64:
                ReadVarint();
                break;
            case Double:
                Position += 8;
                break;
            case Binary:
                // Read the length first: `Position += ReadVarint()` would add it to the position before the varint.
                var length = checked((int)ReadVarint());
                Position += length;
                break;
            case List or Set:
                SkipList();
                break;
            case Map:
                SkipMap();
                break;
            case Struct:
                SkipStruct();
                break;
            default:
                throw new InvalidDataException($"Unknown Thrift type {type} in a page header.");
        }

        if (Position > _bytes.Length)
        {
            throw new InvalidDataException("A page header runs past the end of its column chunk.");
        }
    }

    private void SkipList()
    {
        var header = _bytes[Position++];
        var count = header >> 4 == 0x0F ? checked((int)ReadVarint()) : header >> 4;
        var elementType = header & 0x0F;
        Nest();
        for (var index = 0; index < count; index++)
        {
            // Booleans inside a list take a byte each.
            if (elementType is BooleanTrue or BooleanFalse)
            {
                Position++;
            }
            else
            {
                Skip(elementType);
            }
        }

        _depth--;
    }

    private void SkipMap()
    {
        var count = checked((int)ReadVarint());
        if (count == 0)
        {
            return;
        }

        var types = _bytes[Position++];
        Nest();
        for (var index = 0; index < count; index++)
        {
            Skip(types >> 4);
            Skip(types & 0x0F);
        }

        _depth--;
    }

    private void SkipStruct()
    {
        Nest();
        short field = 0;
        while (NextField(ref field, out var type))
        {
            Skip(type);
        }

        _depth--;
    }

    private void Nest()
    {
        if (++_depth > MaxDepth)
        {
            throw new InvalidDataException("A page header nests too deeply.");
        }
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = _bytes[Position++];
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A varint in a page header is too long.");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
