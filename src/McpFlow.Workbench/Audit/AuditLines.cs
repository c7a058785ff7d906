using System.Text;

namespace McpFlow.Workbench.Audit;

/// <summary>Byte-exact reading of the trail file: lines with their offsets, one line at an offset, the line before an offset.</summary>
public static class AuditLines
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>The lines from <paramref name="offset"/> to the end of the file.</summary>
    public static IEnumerable<AuditLine> ReadFrom(string path, long offset)
    {
        using var stream = Open(path);
        stream.Seek(offset, SeekOrigin.Begin);
        var line = new MemoryStream();
        var start = offset;
        var position = offset;
        var buffer = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var from = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                    continue;
                line.Write(buffer, from, i - from);
                yield return new AuditLine(start, Decode(line), position + i + 1 - start, true);
                line.SetLength(0);
                from = i + 1;
                start = position + i + 1;
            }

            line.Write(buffer, from, read - from);
            position += read;
        }

        if (line.Length > 0)
            yield return new AuditLine(start, Decode(line), position - start, false);
    }

    /// <summary>The complete line that starts at <paramref name="offset"/>, or null when there is none.</summary>
    public static AuditLine? ReadAt(string path, long offset) =>
        File.Exists(path) && offset >= 0 && offset < new FileInfo(path).Length ? ReadFrom(path, offset).FirstOrDefault(l => l.Terminated) : null;

    /// <summary>The line whose newline is the byte just before <paramref name="end"/>, or null when that byte is no newline.</summary>
    public static AuditLine? ReadEndingAt(string path, long end)
    {
        if (end <= 0)
            return null;
        using var stream = Open(path);
        if (stream.Length < end)
            return null;
        stream.Seek(end - 1, SeekOrigin.Begin);
        if (stream.ReadByte() != '\n')
            return null;
        var start = end - 1;
        var buffer = new byte[ChunkBytes];
        while (start > 0)
        {
            var from = Math.Max(0, start - ChunkBytes);
            stream.Seek(from, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, (int)(start - from));
            var newline = Array.LastIndexOf(buffer, (byte)'\n', (int)(start - from) - 1, (int)(start - from));
            if (newline >= 0)
            {
                start = from + newline + 1;
                break;
            }

            start = from;
        }

        var bytes = new byte[end - 1 - start];
        stream.Seek(start, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        return new AuditLine(start, Encoding.UTF8.GetString(bytes), end - start, true);
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

    private static string Decode(MemoryStream line) => Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
}
