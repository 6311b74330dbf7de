namespace WidgetPlatform.Data.Compute.Pages;

/// <summary>
/// The RLE / bit-packed hybrid encoding of Parquet (definition levels and dictionary indices): runs of one repeated
/// value, and groups of eight values packed in <c>bitWidth</c> bits each, least significant bit first.
/// </summary>
internal static class RleBitPackedDecoder
{
    /// <summary>Fills <paramref name="output"/> exactly; throws when <paramref name="input"/> holds fewer values.</summary>
    public static void Decode(ReadOnlySpan<byte> input, int bitWidth, Span<int> output)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new InvalidDataException($"Bit width {bitWidth} is out of range.");
        }

        var position = 0;
        var written = 0;
        var byteWidth = (bitWidth + 7) / 8;
        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        while (written < output.Length)
        {
            var header = ReadVarint(input, ref position);
            if ((header & 1) == 0)
            {
                var count = (int)Math.Min(header >> 1, (ulong)(output.Length - written));
                var value = 0;
                for (var index = 0; index < byteWidth; index++)
                {
                    value |= input[position++] << (8 * index);
                }

                if ((uint)value > mask)
                {
                    throw new InvalidDataException($"A run value {value} does not fit in {bitWidth} bits.");
                }

                output.Slice(written, count).Fill(value);
                written += count;
            }
            else
            {
                var groups = checked((int)(header >> 1));
                var bytes = checked(groups * bitWidth);
                var packed = input.Slice(position, bytes);
                position += bytes;
                var count = Math.Min(groups * 8, output.Length - written);
                Unpack(packed, bitWidth, mask, output.Slice(written, count));
                written += count;
            }
        }
    }

    private static void Unpack(ReadOnlySpan<byte> packed, int bitWidth, uint mask, Span<int> output)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        ulong buffer = 0;
        var bits = 0;
        var next = 0;
        for (var index = 0; index < output.Length; index++)
        {
            while (bits < bitWidth)
            {
                buffer |= (ulong)packed[next++] << bits;
                bits += 8;
            }

            output[index] = (int)((uint)buffer & mask);
            buffer >>= bitWidth;
            bits -= bitWidth;
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> input, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = input[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A run header is too long.");
    }
}
