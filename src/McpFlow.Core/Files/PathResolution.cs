namespace McpFlow.Core.Files;

/// <summary>Follows symbolic links in every segment of a full path, as the OS would when opening it.</summary>
internal static class PathResolution
{
    private const int MaxLinkHops = 40; // Linux's own limit on symlink hops (ELOOP).

    public static string Canonicalize(string fullPath)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(fullPath);
        var root = Path.GetPathRoot(trimmed) ?? "/";
        var current = root;
        var hops = 0;
        var pending = new Queue<string>(trimmed[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        while (pending.Count > 0)
        {
            var segment = pending.Dequeue();
            if (segment == ".")
                continue;
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                    throw new IOException($"Too many symbolic links while resolving '{fullPath}'.");
                var targetFull = Path.GetFullPath(target, current);
                var rest = pending.ToArray();
                pending = new Queue<string>(targetFull[(Path.GetPathRoot(targetFull) ?? "/").Length..]
                    .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = Path.GetPathRoot(targetFull) ?? root;
                continue;
            }

            current = next;
        }

        return current;
    }
}
