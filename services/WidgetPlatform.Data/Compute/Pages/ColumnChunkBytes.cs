using System.Buffers;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute.Pages;

/// <summary>Finds the column chunks the direct page readers can walk, and reads one whole chunk from the file in a single read.</summary>
internal static class ColumnChunkBytes
{
    /// <summary>
    /// The chunk's metadata when its pages can be walked by <see cref="PageWalker"/>: in this file, unencrypted, flat (at most optional),
    /// uncompressed or Snappy; null otherwise, so the column is left to Parquet.Net.
    /// </summary>
    public static ColumnMetaData? Walkable(ColumnChunk? chunk, DataField field) =>
        chunk is { MetaData: { } meta, FilePath: null, CryptoMetadata: null }
        && field.MaxRepetitionLevel == 0 && field.MaxDefinitionLevel <= 1
        && meta.Codec is CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY
            ? meta
            : null;

    /// <summary>Reads the chunk (its dictionary page first, when it has one) into a rented buffer the caller returns; the chunk is its first <paramref name="length"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The chunk's bounds lie outside the file.</exception>
    public static byte[] Rent(SafeFileHandle file, ColumnMetaData meta, out int length)
    {
        var start = meta.DictionaryPageOffset is > 0 and var dictionaryOffset && dictionaryOffset < meta.DataPageOffset ? dictionaryOffset : meta.DataPageOffset;
        var size = meta.TotalCompressedSize;
        if (start < 0 || size <= 0 || size > int.MaxValue || start + size > RandomAccess.GetLength(file))
        {
            throw new InvalidDataException($"The column chunk's bounds ({start}, {size} bytes) lie outside the file.");
        }

        length = (int)size;
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            ReadExactly(file, bytes.AsSpan(0, length), start);
            return bytes;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read <= 0)
            {
                throw new InvalidDataException("The file ends inside a column chunk.");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }
}
