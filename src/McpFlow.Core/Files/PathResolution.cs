namespace McpFlow.Core.Files;

/// <summary>
/// Resolves a full path the way the operating system does when it opens it: segment by segment, following each
/// symbolic link (dangling ones too) before the next segment, so <c>link/..</c> is the parent of the link's target,
/// not the folder holding the link.
/// </summary>
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
            if (LinkTarget(next) is { } target)
            {
                if (++hops > MaxLinkHops)
                    throw new Errors.McpFlowException(Errors.ErrorKind.InvalidInput, "Too many symbolic links while resolving a path (a link loop?).");
                var targetFull = Path.IsPathRooted(target) ? target : Path.Join(current, target);
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

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
