using System.IO.Compression;
using BenchmarkDotNet.Attributes;

namespace WidgetPlatform.MicroBenchmarks;

/// <summary>
/// What compressing an entry's body for Redis would cost and save, per demo widget (docs/cache.md, "Redis memory and
/// persistence"): the compressed size is printed by the setup, the times and allocations by BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
public class EntryCompressionBenchmarks
{
    private byte[] _body = [];
    private byte[] _compressed = [];
    private readonly byte[] _output = new byte[1 << 20];

    /// <summary>The largest demo answer and those nearest 4 KB, 1.5 KB and 0.5 KB: every size class, in minutes rather than an hour.</summary>
    public static IEnumerable<string> Widgets =>
    [
        .. new[] { int.MaxValue, 4_096, 1_536, 512 }
            .Select(size => DemoAnswers.ByWidget.MinBy(answer => Math.Abs((long)answer.Value.Length - size)).Key)
            .Distinct(StringComparer.Ordinal),
    ];

    [ParamsSource(nameof(Widgets))]
    public string Widget { get; set; } = "";

    [Params("brotli-1", "brotli-4", "gzip-fastest")]
    public string Codec { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _body = DemoAnswers.ByWidget[Widget];
        _compressed = _output.AsSpan(0, Compress()).ToArray();
        Console.WriteLine($"// {Widget} {Codec}: {_body.Length} → {_compressed.Length} bytes ({(double)_compressed.Length / _body.Length:P0})");
    }

    [Benchmark]
    public int Compress()
    {
        if (Codec.StartsWith("brotli", StringComparison.Ordinal))
        {
            BrotliEncoder.TryCompress(_body, _output, out var written, quality: Codec[^1] - '0', window: 22);
            return written;
        }

        using var stream = new MemoryStream(_output);
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(_body);
        }

        return (int)stream.Position;
    }

    [Benchmark]
    public int Decompress()
    {
        if (Codec.StartsWith("brotli", StringComparison.Ordinal))
        {
            BrotliDecoder.TryDecompress(_compressed, _output, out var written);
            return written;
        }

        using var gzip = new GZipStream(new MemoryStream(_compressed), CompressionMode.Decompress);
        var total = 0;
        int read;
        while ((read = gzip.Read(_output, total, _output.Length - total)) > 0)
        {
            total += read;
        }

        return total;
    }
}
