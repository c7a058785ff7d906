using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Files;

/// <summary>
/// Confines every client-supplied path to the allowed roots. Paths are made absolute (relative ones against the
/// first root), symbolic links are followed, and the final location must lie under a root.
/// </summary>
public sealed class FileAccessGuard
{
    private readonly IReadOnlyList<string> _roots;

    /// <summary>Creates a guard over the given roots (full paths).</summary>
    public FileAccessGuard(IReadOnlyList<string> roots)
    {
        if (roots.Count == 0)
            throw new ArgumentException("At least one allowed root is required.", nameof(roots));
        _roots = roots.Select(r => PathResolution.Canonicalize(Path.GetFullPath(r))).ToList();
    }

    /// <summary>Creates the guard from the options' effective roots.</summary>
    public FileAccessGuard(McpFlowOptions options)
        : this(options.EffectiveAllowedRoots())
    {
    }

    /// <summary>The allowed roots, canonical.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Resolves a path to an existing file inside the roots, or throws an actionable error.</summary>
    public string ResolveExistingFile(string path, string parameterName = "path")
    {
        var full = Resolve(path, parameterName);
        if (Directory.Exists(full))
            throw McpFlowException.Invalid($"'{path}' is a folder; {parameterName} must name a file.");
        if (!File.Exists(full))
            throw McpFlowException.NotFound($"File '{path}' does not exist (resolved to '{full}').",
                "Check the spelling; relative paths are resolved against " + _roots[0] + ".");
        return full;
    }

    /// <summary>Resolves a path for writing: the folder must be inside the roots; it is created if missing.</summary>
    public string ResolveForWrite(string path, string parameterName = "path")
    {
        var full = Resolve(path, parameterName);
        if (Directory.Exists(full))
            throw McpFlowException.Invalid($"'{path}' is a folder; {parameterName} must name a file.");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>
    /// Resolves a path or glob pattern (<c>*</c>, <c>?</c>, <c>**</c>) inside the roots without checking that it
    /// exists. The fixed part before the first wildcard must be inside a root, and the pattern may not climb
    /// with <c>..</c>.
    /// </summary>
    public string Resolve(string path, string parameterName = "path")
    {
        if (string.IsNullOrWhiteSpace(path))
            throw McpFlowException.Invalid($"{parameterName} is empty; give a file path such as 'examples/data/customers.csv'.");
        if (path.Contains('\0', StringComparison.Ordinal))
            throw McpFlowException.Invalid($"{parameterName} contains a NUL character.");
        var expanded = path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
        var full = Path.GetFullPath(expanded, _roots[0]);
        var wildcard = full.IndexOfAny(['*', '?', '[']);
        if (wildcard >= 0 && full[wildcard..].Contains("..", StringComparison.Ordinal))
            throw McpFlowException.Forbidden($"{parameterName} '{path}' climbs out of its folder after a wildcard.");
        var fixedPart = wildcard < 0 ? full : full[..(full.LastIndexOf(Path.DirectorySeparatorChar, wildcard) + 1)];
        var canonicalFixed = PathResolution.Canonicalize(fixedPart);
        if (!IsInside(canonicalFixed))
            throw McpFlowException.Forbidden(
                $"{parameterName} '{path}' is outside the allowed roots ({string.Join(", ", _roots)}).",
                "Use a file under one of those folders, or restart McpFlow with --allow-root <folder> to allow another.");
        return wildcard < 0 ? canonicalFixed : Path.Combine(canonicalFixed, full[(fixedPart.Length)..]);
    }

    /// <summary>True when a canonical full path lies inside one of the roots.</summary>
    public bool IsInside(string canonicalPath) =>
        _roots.Any(root => canonicalPath == root
            || canonicalPath.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
