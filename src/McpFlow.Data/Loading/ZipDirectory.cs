using System.Buffers.Binary;

namespace McpFlow.Data.Loading;

/// <summary>
/// Reads a zip archive's central directory without decompressing anything: how many entries it lists and the total
/// uncompressed size they declare. .NET's <c>ZipArchive</c> (which ExcelDataReader uses) never inflates an entry past
/// its declared size, so bounding the declared sizes bounds what reading the workbook can decompress. Entries are read
/// one by one from the directory's start while their signature holds, as .NET reads them, and counting stops as soon as a
/// limit is passed, so a directory of millions of entries costs nothing.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;
    private const int EntryHeaderLength = 46;

    /// <summary>What a central directory declares, up to the limits.</summary>
    /// <param name="Entries">Entries counted (at most one past <c>maxEntries</c>).</param>
    /// <param name="UncompressedBytes">Sum of the counted entries' declared uncompressed sizes.</param>
    public readonly record struct Summary(long Entries, long UncompressedBytes);

    /// <summary>True when <paramref name="stream"/> starts like a zip archive (local header or empty-archive signature).</summary>
    public static bool LooksLikeZip(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var isZip = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head[0] == 'P' && head[1] == 'K';
        stream.Position = 0;
        return isZip;
    }

    /// <summary>Reads the directory of <paramref name="stream"/>; null when no end-of-directory record is found (not a
    /// readable zip: the reader will say so). Stops counting past <paramref name="maxEntries"/> or <paramref name="maxBytes"/>.</summary>
    public static Summary? Read(Stream stream, long maxEntries, long maxBytes)
    {
        var (declaredEntries, directoryOffset) = FindDirectory(stream) ?? (-1, -1);
        if (directoryOffset < 0)
            return null;
        if (declaredEntries > maxEntries)
            return new Summary(declaredEntries, 0);
        stream.Position = directoryOffset;
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        long entries = 0, bytes = 0;
        var header = new byte[EntryHeaderLength];
        while (entries <= maxEntries && bytes <= maxBytes && stream.ReadAtLeast(header, EntryHeaderLength, throwOnEndOfStream: false) == EntryHeaderLength
               && BinaryPrimitives.ReadUInt32LittleEndian(header) == EntrySignature)
        {
            entries++;
            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            stream.Seek(nameLength, SeekOrigin.Current);
            var extra = reader.ReadBytes(extraLength);
            if (size == uint.MaxValue)
                size = Zip64Size(extra) ?? size;
            // A negative (hostile) 64-bit size counts as unbounded; the sum saturates instead of overflowing.
            bytes = size < 0 || size > long.MaxValue - bytes ? long.MaxValue : bytes + size;
            stream.Seek(commentLength, SeekOrigin.Current);
        }

        return new Summary(entries, bytes);
    }

    // The end-of-central-directory record is searched backwards from the end (it may be followed by a comment), as .NET does.
    private static (long Entries, long Offset)? FindDirectory(Stream stream)
    {
        var length = stream.Length;
        var tail = (int)Math.Min(length, EndLength + MaxCommentLength);
        var buffer = new byte[tail];
        stream.Position = length - tail;
        stream.ReadExactly(buffer);
        for (var i = tail - EndLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != EndSignature)
                continue;
            long entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i + 16));
            var endPosition = length - tail + i;
            if ((entries == ushort.MaxValue || offset == uint.MaxValue) && Zip64End(stream, endPosition) is { } zip64)
                return zip64;
            return (entries, offset);
        }

        return null;
    }

    private static (long Entries, long Offset)? Zip64End(Stream stream, long endPosition)
    {
        if (endPosition < 20)
            return null;
        var locator = new byte[20];
        stream.Position = endPosition - 20;
        stream.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
            return null;
        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8));
        if (recordOffset < 0 || recordOffset > stream.Length - 56)
            return null;
        var record = new byte[56];
        stream.Position = recordOffset;
        stream.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature)
            return null;
        return (BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48)));
    }

    // The zip64 extra field (id 1) starts with the 64-bit uncompressed size when the 32-bit one is 0xFFFFFFFF.
    private static long? Zip64Size(byte[] extra)
    {
        for (var i = 0; i + 4 <= extra.Length;)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(i));
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(i + 2));
            if (id == 1 && size >= 8 && i + 12 <= extra.Length)
                return BinaryPrimitives.ReadInt64LittleEndian(extra.AsSpan(i + 4));
            i += 4 + size;
        }

        return null;
    }
}
