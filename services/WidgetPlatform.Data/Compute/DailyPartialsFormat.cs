namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Daily partials as bytes, for sharing between processes: every accumulator field exactly (real sums as their fixed-point
/// integers), so partials loaded from another process answer bit for bit what a local scan would. Distinct sets never occur
/// (<see cref="DailyPartials.Supports"/>).
/// </summary>
internal static class DailyPartialsFormat
{
    private const byte FormatVersion = 1;

    private enum KeyKind : byte
    {
        Null,
        String,
        Integer,
        Boolean,
        Date,
    }

    private const int AccumulatorSize = (6 * sizeof(long)) + (2 * sizeof(ulong)) + sizeof(bool);

    /// <remarks>
    /// Written into an array of exactly the right size: a growing MemoryStream left about three times the partials' size
    /// in large-object garbage per save, the warmer's largest single source of gen2 collections.
    /// </remarks>
    public static byte[] Write(DailyPartials partials)
    {
        var bytes = new byte[SizeOf(partials)];
        using (var writer = new BinaryWriter(new MemoryStream(bytes, writable: true)))
        {
            writer.Write(FormatVersion);
            writer.Write(partials.IntegerMeasure);
            writer.Write(partials.Days.RowsProcessed);
            writer.Write(partials.Days.Slots.Count);
            foreach (var (day, groups) in partials.Days.Slots)
            {
                writer.Write(day);
                writer.Write(groups.Groups.Count);
                foreach (var (key, accumulator) in groups.Groups)
                {
                    WriteKey(writer, key);
                    WriteAccumulator(writer, accumulator);
                }
            }

            if (writer.BaseStream.Position != bytes.Length)
            {
                throw new InvalidOperationException($"Daily partials were sized at {bytes.Length} bytes and written in {writer.BaseStream.Position}.");
            }
        }

        return bytes;
    }

    private static int SizeOf(DailyPartials partials)
    {
        long size = sizeof(byte) + sizeof(bool) + sizeof(long) + sizeof(int);
        foreach (var groups in partials.Days.Slots.Values)
        {
            size += sizeof(int) + sizeof(int);
            foreach (var key in groups.Groups.Keys)
            {
                size += KeySize(key) + AccumulatorSize;
            }
        }

        return checked((int)size);
    }

    private static int KeySize(GroupKey key) => sizeof(byte) + key.Value switch
    {
        null => 0,
        string text => StringSize(System.Text.Encoding.UTF8.GetByteCount(text)),
        long => sizeof(long),
        bool => sizeof(bool),
        DateOnly => sizeof(int),
        _ => throw new InvalidOperationException($"A group key of type {key.Value.GetType().Name} cannot be written."),
    };

    /// <summary>The bytes <see cref="BinaryWriter.Write(string)"/> writes for a string of <paramref name="length"/> UTF-8 bytes: a length prefix of seven bits per byte, then the bytes.</summary>
    private static int StringSize(int length)
    {
        var prefix = 1;
        for (var rest = length; rest >= 0x80; rest >>= 7)
        {
            prefix++;
        }

        return prefix + length;
    }

    /// <summary>The partials, or null when the bytes are of another format version, cut short or otherwise unreadable.</summary>
    public static DailyPartials? Read(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (reader.ReadByte() != FormatVersion)
            {
                return null;
            }

            var integerMeasure = reader.ReadBoolean();
            var days = new ScanResult { RowsProcessed = reader.ReadInt64() };
            for (var slots = reader.ReadInt32(); slots > 0; slots--)
            {
                var slot = days.Slot(reader.ReadInt32());
                for (var groups = reader.ReadInt32(); groups > 0; groups--)
                {
                    slot.Groups.Add(ReadKey(reader), ReadAccumulator(reader));
                }
            }

            return new DailyPartials(days, integerMeasure);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            // Bytes that do not read back mean the partials are rebuilt, never that the request fails.
            return null;
        }
    }

    private static void WriteKey(BinaryWriter writer, GroupKey key)
    {
        switch (key.Value)
        {
            case null:
                writer.Write((byte)KeyKind.Null);
                break;
            case string text:
                writer.Write((byte)KeyKind.String);
                writer.Write(text);
                break;
            case long number:
                writer.Write((byte)KeyKind.Integer);
                writer.Write(number);
                break;
            case bool flag:
                writer.Write((byte)KeyKind.Boolean);
                writer.Write(flag);
                break;
            case DateOnly date:
                writer.Write((byte)KeyKind.Date);
                writer.Write(date.DayNumber);
                break;
            default:
                throw new InvalidOperationException($"A group key of type {key.Value.GetType().Name} cannot be written.");
        }
    }

    private static GroupKey ReadKey(BinaryReader reader) => (KeyKind)reader.ReadByte() switch
    {
        KeyKind.Null => new GroupKey(null),
        KeyKind.String => new GroupKey(reader.ReadString()),
        KeyKind.Integer => new GroupKey(reader.ReadInt64()),
        KeyKind.Boolean => new GroupKey(reader.ReadBoolean()),
        KeyKind.Date => new GroupKey(DateOnly.FromDayNumber(reader.ReadInt32())),
        var kind => throw new EndOfStreamException($"Unknown group key kind {kind}."),
    };

    private static void WriteAccumulator(BinaryWriter writer, Accumulator accumulator)
    {
        writer.Write(accumulator.Count);
        writer.Write(accumulator.IntegerSum);
        writer.Write((ulong)(accumulator.RealSum >> 64));
        writer.Write((ulong)accumulator.RealSum);
        writer.Write(accumulator.HasExtremes);
        writer.Write(accumulator.MinInteger);
        writer.Write(accumulator.MaxInteger);
        writer.Write(accumulator.MinReal);
        writer.Write(accumulator.MaxReal);
    }

    private static Accumulator ReadAccumulator(BinaryReader reader) => new()
    {
        Count = reader.ReadInt64(),
        IntegerSum = reader.ReadInt64(),
        RealSum = (Int128)new UInt128(reader.ReadUInt64(), reader.ReadUInt64()),
        HasExtremes = reader.ReadBoolean(),
        MinInteger = reader.ReadInt64(),
        MaxInteger = reader.ReadInt64(),
        MinReal = reader.ReadDouble(),
        MaxReal = reader.ReadDouble(),
    };
}
