using System.Text;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Streams large generated files to disk without holding them in memory.</summary>
internal static class FileWriting
{
    /// <summary>Writes <paramref name="head"/>, then <paramref name="unit"/> <paramref name="count"/> times, then
    /// <paramref name="tail"/>, as UTF-8.</summary>
    public static void Repeat(string path, string head, string unit, long count, string tail)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        file.Write(Encoding.UTF8.GetBytes(head));
        var bytes = Encoding.UTF8.GetBytes(unit);
        // Write in blocks of whole units (about 1 MB) rather than unit by unit.
        var perBlock = Math.Max(1, (1 << 20) / bytes.Length);
        var block = new byte[perBlock * bytes.Length];
        for (var i = 0; i < perBlock; i++)
            bytes.CopyTo(block, i * bytes.Length);
        for (var left = count; left > 0; left -= perBlock)
            file.Write(block, 0, (int)Math.Min(left, perBlock) * bytes.Length);
        file.Write(Encoding.UTF8.GetBytes(tail));
    }

    /// <summary>Writes <paramref name="open"/> n times, <paramref name="middle"/>, then <paramref name="close"/> n times.</summary>
    public static void Nested(string path, string open, string middle, string close, int depth)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        for (var i = 0; i < depth; i++)
            writer.Write(open);
        writer.Write(middle);
        for (var i = 0; i < depth; i++)
            writer.Write(close);
    }

    /// <summary>Writes text produced line by line.</summary>
    public static void Lines(string path, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
