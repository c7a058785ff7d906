using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Tests.Support;

/// <summary>Tools whose parameters cover the argument shapes the groups use (counts with ranges, optional numbers,
/// enum-like strings, arrays, nested arrays, dictionaries, JSON values), and tools that return oversize results or
/// echo their argument in an error.</summary>
[McpServerToolType]
public sealed class ContractTools
{
    [McpServerTool(Name = "test_shapes", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Echoes its arguments as structured content.")]
    public static CallToolResult Shapes(
        [Description("Table name, e.g. \"customers\".")] string table,
        [Description("Rows to return, 1-200. Default 20; e.g. 50.")][Range(1, 200)] int limit = 20,
        [Description("Seconds to wait, 0-45. Default 0; e.g. 30.")][Range(0.0, 45.0)] double? wait_seconds = null,
        [Description("\"maximize\", \"minimize\" or \"auto\". Default auto; e.g. \"maximize\".")][AllowedValues("maximize", "minimize", "auto")] string direction = "auto",
        [Description("Columns, e.g. [\"a\", \"b\"].")] string[]? columns = null,
        [Description("Points, e.g. [[0.5, 0.5]].")] double[][]? points = null,
        [Description("Numeric parameters, e.g. {\"lambda\": 0.25}.")] Dictionary<string, double>? parameters = null,
        [Description("Any JSON, e.g. {\"a\": 1}.")] JsonElement? spec = null,
        [Description("Whether to do it, e.g. true.")] bool flag = false,
        [Description("Index of the first row, e.g. 500.")][Range(0, long.MaxValue)] long offset = 0) =>
        ToolResults.Create("ok", new { table, limit, wait_seconds, direction, columns, points, parameters, flag, offset });

    [McpServerTool(Name = "test_echo_error", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Fails with a domain error whose message repeats the argument in full.")]
    public static string EchoError([Description("Any text, e.g. \"sales\".")] string text) =>
        throw McpFlowException.NotFound($"Table '{text}' does not exist.", "Call data_list_tables.");

    [McpServerTool(Name = "test_big", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Returns a result of the requested size in text and structured content.")]
    public static CallToolResult Big(
        [Description("Characters of text, e.g. 1000.")] int text_chars,
        [Description("Characters in the structured content's 'rows' field, e.g. 1000.")] int structured_chars) =>
        ToolResults.Create(new string('t', text_chars), new { rows = new string('s', structured_chars), page = 1 });
}
