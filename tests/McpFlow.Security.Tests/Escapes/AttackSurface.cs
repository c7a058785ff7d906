using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Fuzz;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Which listed parameters take a path, an id, an identifier, a name that may become a file, or SQL (by name), and a
/// generic attack for any of them the specific catalogues do not target yet, so every such parameter of every listed
/// tool gets attempts (issue 11) even when a new tool appears.
/// </summary>
internal static class AttackSurface
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "path", "file", "output_files", "input_files", "artifacts", "sql", "spec", "run_a", "run_b", "run_ids", "rerun_of", "table",
        "columns", "column", "new_column", "target", "time_column", "value_column", "output_table", "source_table", "sheet",
        "experiment", "filter", "order_by", "rank_by", "metric", "problem", "tool", "title", "run_name", "name", "alias", "tag",
    };

    /// <summary>True when <paramref name="parameter"/> takes a path, id, identifier, file-naming name or SQL.</summary>
    public static bool IsSurface(ToolParameter parameter) =>
        parameter.Kind is "string" or "array" or "any" && (Names.Contains(parameter.Name) || parameter.Name.EndsWith("_id", StringComparison.Ordinal));

    /// <summary>Every surface parameter of the listed tools, as tool.parameter.</summary>
    public static IEnumerable<string> Of(IEnumerable<ToolShape> tools) =>
        tools.SelectMany(t => t.Parameters.Where(IsSurface).Select(p => $"{t.Name}.{p.Name}"));

    /// <summary>For surface parameters no catalogue targets: a '..' climb to the outside folder and a SQL payload reading
    /// the canary. Either may be answered (a name is a name), but must not leak, write outside or overwrite a record.</summary>
    public static IEnumerable<EscapeAttempt> Remaining(IEnumerable<ToolShape> tools, ISet<string> targeted, SandboxFolders s, SeedIds ids)
    {
        var payloads = new[]
        {
            ("climb", "../../../../../../outside/canary.txt"),
            ("SQL", $"x' || (SELECT content FROM read_text('{s.Outside}/canary.txt')) || '"),
        };
        foreach (var tool in tools)
            foreach (var parameter in tool.Parameters.Where(p => IsSurface(p) && !targeted.Contains($"{tool.Name}.{p.Name}")))
                foreach (var (label, payload) in payloads)
                {
                    var arguments = Baselines.For(tool.Name, ids) ?? new JsonObject();
                    arguments[parameter.Name] = parameter.Kind == "array" ? new JsonArray(payload) : payload;
                    if (arguments.ContainsKey("wait_seconds"))
                        arguments["wait_seconds"] = 45; // The job's effects then belong to this attempt.
                    yield return new EscapeAttempt($"{tool.Name}.{parameter.Name}", label, tool.Name, arguments) { MustRefuse = false };
                }
    }
}
