using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Fuzz;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Every parameter that reads a file, given paths that lead outside the roots: absolute, relative to the working folder,
/// through file and folder links, '..' after a linked folder, globs with a link among the matches, negated classes,
/// home, URLs, special files, NUL and over-long paths. The canary in any answer is a leak.
/// </summary>
internal static class PathEscapes
{
    /// <summary>The parameters that take a path to read: tool, parameter, whether it takes a list.</summary>
    public static readonly IReadOnlyList<(string Tool, string Parameter, bool List)> Readers =
    [
        ("data_load", "path", false), ("analyze_dataframe", "path", false), ("generate_pipeline", "file", false),
        ("workbench_record_run", "output_files", true), ("workbench_record_run", "input_files", true), ("mlflow_log_run", "artifacts", true),
    ];

    /// <summary>Paths that must be refused, with a label.</summary>
    public static IEnumerable<(string Label, string Path)> Hostile(SandboxFolders s) =>
    [
        ("absolute outside", $"{s.Outside}/secret.csv"), ("/etc/passwd", "/etc/passwd"), ("climb from root", "../outside/secret.csv"),
        ("climb to cwd", "../cwd/secret.csv"), ("file link", "links/secret.csv"), ("link to passwd", "links/passwd.txt"),
        ("folder link", "outlink/secret.csv"), ("'..' after folder link", "a/b/link/../secret.csv"), ("into folder link", "a/b/link/secret.csv"),
        ("glob with a link", "globs/*.csv"), ("negated class", "globs/[!a].csv"), ("recursive glob", "**/secret.csv"),
        ("home", "~/.bashrc"), ("file URL", "file:///etc/passwd"), ("http URL", "http://127.0.0.1:9/secret.csv"),
        ("proc environ", "/proc/self/environ"), ("device", "/dev/zero"), ("NUL", "sales.csv\u0000../../outside/secret.csv"),
        ("over-long", string.Concat(Enumerable.Repeat("a/", 3000)) + "x.csv"), ("tmp link", $"tmplink/{Path.GetFileName(s.Base)}/outside/secret.csv"),
        ("absolute via root", $"{s.Root}/../outside/secret.csv"),
    ];

    /// <summary>All read attempts.</summary>
    public static IEnumerable<EscapeAttempt> All(SandboxFolders s, SeedIds ids) =>
        from reader in Readers
        from hostile in Hostile(s)
        select Attempt(reader, hostile.Label, hostile.Path, ids);

    private static EscapeAttempt Attempt((string Tool, string Parameter, bool List) reader, string label, string path, SeedIds ids)
    {
        var arguments = Baselines.For(reader.Tool, ids)!;
        arguments[reader.Parameter] = reader.List ? new JsonArray(path) : path;
        if (reader.Tool == "analyze_dataframe")
            arguments["table"] = null;
        if (reader.Tool == "generate_pipeline")
            arguments["table"] = "from_file";
        if (reader.Tool == "data_load")
            arguments["format"] = null;
        return EscapeAttempt.Call(reader.Tool, reader.Parameter, label, arguments);
    }
}
