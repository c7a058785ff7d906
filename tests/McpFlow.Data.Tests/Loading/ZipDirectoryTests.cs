using System.Buffers.Binary;
using System.IO.Compression;
using McpFlow.Data.Loading;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Loading;

public sealed class ZipDirectoryTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("zip-directory");

    public void Dispose() => TempFolder.TryDelete(_folder);

    [Fact]
    public void Read_AgreesWithZipArchive_OnAGenuineWorkbook()
    {
        var path = Path.Combine(_folder, "book.xlsx");
        XlsxWriter.Write(path, [("Data", [["a", "b"], [1.0, 2.0], [3.0, 4.0]])]);
        // Expected from .NET's own reader of the same directory.
        long entries, bytes;
        using (var zip = ZipFile.OpenRead(path))
        {
            entries = zip.Entries.Count;
            bytes = zip.Entries.Sum(e => e.Length);
        }

        using var stream = File.OpenRead(path);
        ZipDirectory.LooksLikeZip(stream).Should().BeTrue();
        ZipDirectory.Read(stream, 1_000, 1L << 30).Should().Be(new ZipDirectory.Summary(entries, bytes));
    }

    [Fact]
    public void Read_ReportsTheHugeSizeAZipBombDeclares()
    {
        var path = Path.Combine(_folder, "bomb.xlsx");
        XlsxWriter.Write(path, [("Data", [["a"], [1.0]])]);
        DeclareSize(path, 0, 4_000_000_000);

        using var stream = File.OpenRead(path);
        ZipDirectory.Read(stream, 1_000, 512L << 20)!.Value.UncompressedBytes.Should().BeGreaterThanOrEqualTo(4_000_000_000);
    }

    [Fact]
    public void Read_ReportsTheDeclaredCount_WhenItPassesTheEntryLimit()
    {
        var path = ManyEntries(50);
        using var stream = File.OpenRead(path);
        ZipDirectory.Read(stream, 10, 1L << 30)!.Value.Entries.Should().Be(50, "the end record declares 50, more than the limit of 10");
    }

    [Fact]
    public void Read_CountsTheHeadersThemselves_WhenTheEndRecordUnderstatesThem()
    {
        // The end record is made to declare 5 entries; the directory holds 50 headers, and counting them stops at
        // the first one past the limit of 10.
        var path = ManyEntries(50);
        var bytes = File.ReadAllBytes(path);
        var end = bytes.Length - 22;
        bytes[end].Should().Be((byte)'P');
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 8), 5);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 10), 5);
        File.WriteAllBytes(path, bytes);

        using var stream = File.OpenRead(path);
        ZipDirectory.Read(stream, 10, 1L << 30)!.Value.Entries.Should().Be(11);
    }

    [Fact]
    public void Read_ReturnsNull_ForAFileWithoutADirectory()
    {
        using var stream = new MemoryStream("PK not really a zip"u8.ToArray());
        ZipDirectory.Read(stream, 10, 1L << 30).Should().BeNull();
    }

    private string ManyEntries(int count)
    {
        var path = Path.Combine(_folder, $"many-{count}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var i = 0; i < count; i++)
            zip.CreateEntry($"e{i}.xml");
        return path;
    }

    /// <summary>Overwrites the declared uncompressed size of the <paramref name="index"/>-th central directory entry
    /// (offset 24 of a header that starts with PK\1\2), as a zip bomb's author would.</summary>
    internal static void DeclareSize(string path, int index, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var seen = 0;
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            if (bytes[i] != 'P' || bytes[i + 1] != 'K' || bytes[i + 2] != 1 || bytes[i + 3] != 2 || seen++ != index)
                continue;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            File.WriteAllBytes(path, bytes);
            return;
        }

        throw new InvalidOperationException("No such central directory entry.");
    }
}
