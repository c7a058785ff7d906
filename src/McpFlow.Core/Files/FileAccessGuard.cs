using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Files;

/// <summary>
/// Confines every client-supplied path to the allowed roots. Relative paths are joined to the first root; symbolic
/// links and <c>..</c> are resolved segment by segment, as the operating system would when opening the path (never
/// textually first, which a link followed by <c>..</c> would fool); the final location must lie under a root. Globs
/// are expanded here, and every match is checked the same way. Only regular files are read: FIFOs, sockets and
/// devices are refused before anything opens them. Writes never land on the workspace's own records (audit trail,
/// gate configuration, run and job records, the database): inside the workspace only its <c>exports/</c> folder
/// takes writes.
/// </summary>
public sealed class FileAccessGuard
{
    /// <summary>Longest path accepted, in characters (Linux's PATH_MAX).</summary>
    public const int MaxPathLength = 4096;

    /// <summary>Most files one glob may match.</summary>
    public const int MaxGlobMatches = 10_000;

    /// <summary>Most folder entries one glob expansion may look at (bounds the time a pattern like <c>/**/*</c> takes).</summary>
    public const int MaxGlobVisited = 200_000;

    /// <summary>Deepest folder nesting a <c>**</c> descends into.</summary>
    public const int MaxGlobDepth = 32;

    /// <summary>Name of the workspace folder that takes exports.</summary>
    public const string ExportsFolderName = "exports";

    private readonly List<string> _roots;
    private readonly string? _workspace;

    /// <summary>Creates a guard over the given roots (full paths); <paramref name="workspace"/>, when given, is
    /// protected from writes except under its exports folder.</summary>
    public FileAccessGuard(IReadOnlyList<string> roots, string? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (roots.Count == 0)
            throw new ArgumentException("At least one allowed root is required.", nameof(roots));
        _roots = roots.Select(r => PathResolution.Canonicalize(Path.GetFullPath(r))).Distinct(StringComparer.Ordinal).ToList();
        _workspace = workspace is null ? null : PathResolution.Canonicalize(Path.GetFullPath(workspace));
    }

    /// <summary>Creates the guard from the options' effective roots and workspace.</summary>
    public FileAccessGuard(McpFlowOptions options)
        : this(options.EffectiveAllowedRoots(), options.WorkspacePath)
    {
    }

    /// <summary>The allowed roots, canonical.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Resolves a path to an existing regular file inside the roots, or throws an actionable error.</summary>
    public string ResolveExistingFile(string path, string parameterName = "path")
    {
        var full = Resolve(path, parameterName);
        return FileKinds.Of(full) switch
        {
            FileKind.Regular => full,
            FileKind.Directory => throw McpFlowException.Invalid($"{parameterName} '{Show(path)}' is a folder; it must name a file."),
            FileKind.Special => throw McpFlowException.Forbidden(
                $"{parameterName} '{Show(path)}' is not a regular file (a FIFO, socket or device); McpFlow only reads regular files."),
            _ => throw McpFlowException.NotFound($"File '{Show(path)}' does not exist (resolved to '{full}').",
                "Check the spelling; relative paths are resolved against " + _roots[0] + "."),
        };
    }

    /// <summary>
    /// Resolves a path or glob to the regular files it names, each checked: one file for a plain path, every match
    /// (sorted) for a glob. A match that is a link leading outside the roots, or a special file, refuses the whole call.
    /// </summary>
    public IReadOnlyList<string> ResolveFiles(string path, string parameterName = "path")
    {
        var full = Join(path, parameterName);
        if (!GlobPattern.HasWildcard(full))
            return [ResolveExistingFile(path, parameterName)];
        var segments = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var firstWild = Array.FindIndex(segments, GlobPattern.HasWildcard);
        if (segments.Skip(firstWild).Any(s => s is "." or ".."))
            throw McpFlowException.Forbidden($"{parameterName} '{Show(path)}' climbs out of its folder after a wildcard.",
                "Put '..' only before the first wildcard, or give a path without it.");
        var folder = Check(PathResolution.Canonicalize("/" + string.Join('/', segments.Take(firstWild))), path, parameterName);
        List<string> matches;
        try
        {
            matches = GlobPattern.Parse(segments.Skip(firstWild).ToList()).Expand(folder, MaxGlobMatches, MaxGlobVisited, MaxGlobDepth);
        }
        catch (GlobLimitException ex)
        {
            throw McpFlowException.Invalid($"{parameterName} '{Show(path)}' is too broad: {ex.Message}.", "Narrow the pattern, e.g. 'data/2024/*.csv'.");
        }

        if (matches.Count == 0)
            throw McpFlowException.NotFound($"No file matches '{Show(path)}'.", "Check the pattern; '*' matches within a folder, '**' across folders.");
        return matches.Select(m => ResolveExistingFile(m, parameterName)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Resolves a path for writing: it must lie inside the roots, must not be one of the workspace's own records,
    /// and must not name a folder or a special file; its folder is created if missing.
    /// </summary>
    public string ResolveForWrite(string path, string parameterName = "path")
    {
        var full = Resolve(path, parameterName);
        if (IsProtected(full))
            throw McpFlowException.Forbidden(
                $"{parameterName} '{Show(path)}' is inside the McpFlow workspace, whose records (audit trail, gate configuration, run and job records, database) no tool may overwrite.",
                $"Write under an allowed folder outside the workspace, or under the workspace's {ExportsFolderName}/ folder, e.g. '{Path.Combine(_workspace!, ExportsFolderName, "result.csv")}'.");
        switch (FileKinds.Of(full))
        {
            case FileKind.Directory:
                throw McpFlowException.Invalid($"{parameterName} '{Show(path)}' is a folder; it must name a file.");
            case FileKind.Special:
                throw McpFlowException.Forbidden($"{parameterName} '{Show(path)}' is not a regular file (a FIFO, socket or device).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Resolves a plain path (no wildcards) inside the roots without checking that it exists.</summary>
    public string Resolve(string path, string parameterName = "path")
    {
        var full = Join(path, parameterName);
        if (GlobPattern.HasWildcard(full))
            throw McpFlowException.Invalid($"{parameterName} '{Show(path)}' contains a wildcard (*, ? or [) but must name one file.");
        return Check(PathResolution.Canonicalize(full), path, parameterName);
    }

    /// <summary>True when a canonical full path lies inside one of the roots.</summary>
    public bool IsInside(string canonicalPath) => _roots.Any(root => IsUnder(canonicalPath, root));

    /// <summary>True when a canonical full path is one of the workspace's own records (anything in the workspace
    /// but its exports folder).</summary>
    public bool IsProtected(string canonicalPath) =>
        _workspace is not null && IsUnder(canonicalPath, _workspace) && !IsUnder(canonicalPath, Path.Combine(_workspace, ExportsFolderName));

    private string Join(string path, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw McpFlowException.Invalid($"{parameterName} is empty; give a file path such as 'examples/data/customers.csv'.");
        if (path.Length > MaxPathLength)
            throw McpFlowException.Invalid($"{parameterName} is {path.Length} characters long; paths are at most {MaxPathLength}.");
        if (path.Contains('\0', StringComparison.Ordinal))
            throw McpFlowException.Invalid($"{parameterName} contains a NUL character.");
        if (path.Contains("://", StringComparison.Ordinal))
            throw McpFlowException.Forbidden($"{parameterName} '{Show(path)}' is a URL; McpFlow reads local files under the allowed roots only.");
        var expanded = path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
        // Joined, not normalised: '..' must be resolved after the links before it (PathResolution does that).
        return Path.IsPathRooted(expanded) ? expanded : Path.Join(_roots[0], expanded);
    }

    private string Check(string canonical, string path, string parameterName)
    {
        if (!IsInside(canonical))
            throw McpFlowException.Forbidden(
                $"{parameterName} '{Show(path)}' is outside the allowed roots ({string.Join(", ", _roots)}).",
                "Use a file under one of those folders, or restart McpFlow with --allow-root <folder> to allow another.");
        return canonical;
    }

    private static bool IsUnder(string canonicalPath, string folder) =>
        canonicalPath == folder
        || canonicalPath.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Show(string path) => path.Length <= 200 ? path : path[..200] + "…";
}
