using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;

namespace McpFlow.Data.Loading;

/// <summary>The files behind a load: one file, or every match of a glob (expanded and checked by the guard, never by
/// DuckDB), with a fingerprint (size and newest modification) used to tell whether a reload is needed.</summary>
/// <param name="Pattern">The path or glob as the client gave it, for display and reload checks.</param>
/// <param name="Files">The checked regular files (canonical full paths), sorted.</param>
/// <param name="TotalSize">Sum of the file sizes in bytes.</param>
/// <param name="LastModified">Newest modification time (UTC).</param>
public sealed record SourceFiles(string Pattern, IReadOnlyList<string> Files, long TotalSize, DateTime LastModified)
{
    /// <summary>True for a glob pattern.</summary>
    public bool IsGlob => Files.Count != 1 || Files[0] != Pattern;

    /// <summary>The files as a DuckDB argument: one quoted path, or a list of them. DuckDB never sees a pattern.</summary>
    public string SqlArgument => Files.Count == 1 ? SqlQuote.Literal(Files[0]) : "[" + string.Join(", ", Files.Select(SqlQuote.Literal)) + "]";

    /// <summary>Resolves a client path or glob through the guard and lists the matching files.</summary>
    public static SourceFiles Find(FileAccessGuard guard, string path, string parameterName = "path")
    {
        var files = guard.ResolveFiles(path, parameterName);
        var wild = files.FirstOrDefault(f => Path.GetFileName(f).AsSpan().IndexOfAny('*', '?', '[') >= 0);
        if (wild is not null)
            throw McpFlowException.Invalid($"The file name '{Path.GetFileName(wild)}' contains *, ? or [, which the readers would take as a pattern.",
                "Rename the file (or copy it) without those characters, then load it.");
        var infos = files.Select(f => new FileInfo(f)).ToList();
        var pattern = files.Count == 1 && !path.AsSpan().ContainsAny('*', '?', '[') ? files[0] : path;
        return new SourceFiles(pattern, files, infos.Sum(i => i.Length), infos.Max(i => i.LastWriteTimeUtc));
    }
}
