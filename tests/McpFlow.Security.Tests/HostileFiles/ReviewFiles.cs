using System.Buffers.Binary;
using System.IO.Compression;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Outputs that attack the self-review workbench_record_run runs on what it copies: a PNG declaring
/// 100,000 × 100,000 pixels (40 GB decoded) in a few kilobytes, a JSON output nested 100,000 deep, a CSV of 50,000
/// columns full of NaN, and an output that is a FIFO.</summary>
internal static class ReviewFiles
{
    /// <summary>The files.</summary>
    public static IEnumerable<HostileFile> All() =>
    [
        new("review", "a PNG declaring 100,000 x 100,000 pixels", "bomb.png", p => Png(p, 100_000, 100_000), HostileUse.Record | HostileUse.Artifact),
        new("review", "a PNG declaring 2^31-1 x 1 pixels", "wide.png", p => Png(p, int.MaxValue, 1), HostileUse.Record),
        new("review", "a JSON output nested 100,000 deep", "deep.json", p => FileWriting.Nested(p, "[", "", "]", 100_000), HostileUse.Record),
        new("review", "a JSON output with an object nested 20,000 deep", "deep-object.json", p => FileWriting.Nested(p, "{\"a\":", "1", "}", 20_000), HostileUse.Record),
        new("review", "a CSV of 50,000 NaN columns", "nan.csv", p => FileWriting.Lines(p, [string.Join(",", Enumerable.Range(0, 50_000).Select(i => "c" + i)), string.Join(",", Enumerable.Repeat("NaN", 50_000))]), HostileUse.Record),
        new("review", "a 64 MB single-line CSV output", "line.csv", p => FileWriting.Repeat(p, "", "1,", CsvFiles.SingleLineBytes / 2, ""), HostileUse.Record),
        new("review", "a FIFO as an output", "fifo.png", SpecialFiles.Fifo, HostileUse.Record | HostileUse.Artifact),
    ];

    /// <summary>A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> grey pixels and whose
    /// image data is 1 MB of zero rows, compressed (a decoder that trusts the header allocates width × height).</summary>
    private static void Png(string path, int width, int height)
    {
        using var file = File.Create(path);
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(file, "IHDR"u8, header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(new byte[1 << 20]);
        Chunk(file, "IDAT"u8, compressed.ToArray());
        Chunk(file, "IEND"u8, []);
    }

    private static void Chunk(Stream stream, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        stream.Write(type);
        stream.Write(data);
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, Crc32([.. type, .. data]));
        stream.Write(sum);
    }

    /// <summary>The CRC-32 PNG chunks carry (ISO 3309, reflected polynomial 0xEDB88320), bit by bit: chunks here are small.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
