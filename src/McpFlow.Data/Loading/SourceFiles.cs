using McpFlow.Core.Errors;
using McpFlow.Core.Files;

namespace McpFlow.Data.Loading;

/// <summary>The files behind a load: one file, or every match of a glob, with a fingerprint (size and newest
/// modification) used to tell whether a reload is needed.</summary>
/// <param name="Pattern">The resolved path or glob, as handed to DuckDB.</param>
/// <param name="Files">Matching files (full paths).</param>
/// <param name="TotalSize">Sum of the file sizes in bytes.</param>
/// <param name="LastModified">Newest modification time (UTC).</param>
public sealed record SourceFiles(string Pattern, IReadOnlyList<string> Files, long TotalSize, DateTime LastModified)
{
    /// <summary>Longest list of matches accepted for one glob.</summary>
    public const int MaxGlobMatches = 10_000;

    /// <summary>True for a glob pattern.</summary>
    public bool IsGlob => Files.Count != 1 || Files[0] != Pattern;

    /// <summary>Resolves a client path or glob through the guard and lists the matching files.</summary>
    public static SourceFiles Find(FileAccessGuard guard, string path)
    {
        var resolved = guard.Resolve(path);
        var isGlob = resolved.IndexOfAny(['*', '?', '[']) >= 0;
        List<string> files;
        if (!isGlob)
            files = [guard.ResolveExistingFile(path)];
        else
        {
            var wildcard = resolved.IndexOfAny(['*', '?', '[']);
            var folder = resolved[..(resolved.LastIndexOf('/', wildcard) + 1)];
            var rest = resolved[folder.Length..];
            var recursive = rest.Contains("**", StringComparison.Ordinal) || rest.Contains('/', StringComparison.Ordinal);
            var regex = GlobRegex(rest);
            files = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                    .Where(f => regex.IsMatch(f[folder.Length..]))
                    .Take(MaxGlobMatches + 1)
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];
            if (files.Count == 0)
                throw McpFlowException.NotFound($"No file matches '{path}'.", "Check the pattern; '*' matches within a folder, '**' across folders.");
            if (files.Count > MaxGlobMatches)
                throw McpFlowException.Invalid($"'{path}' matches more than {MaxGlobMatches} files.", "Narrow the pattern.");
            foreach (var file in files)
                guard.ResolveExistingFile(file); // follows symbolic links: every match must stay inside the roots
        }

        var infos = files.Select(f => new FileInfo(f)).ToList();
        return new SourceFiles(isGlob ? resolved : files[0], files, infos.Sum(i => i.Length), infos.Max(i => i.LastWriteTimeUtc));
    }

    private static System.Text.RegularExpressions.Regex GlobRegex(string glob)
    {
        var pattern = System.Text.RegularExpressions.Regex.Escape(glob)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal)
            .Replace(@"\[", "[", StringComparison.Ordinal);
        return new System.Text.RegularExpressions.Regex("^" + pattern + "$");
    }
}
