using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Data.Query;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_query</c> tool.</summary>
[McpServerToolType]
public sealed class QueryTool(QueryRunner runner)
{
    /// <summary>Runs one SQL statement.</summary>
    [McpServerTool(Name = "data_query", Title = "Query with SQL",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Runs one read-only SQL query over the workspace tables and returns a page of rows.")]
    public CallToolResult Query(
        [Description("SQL, e.g. \"SELECT city, count(*) FROM sales GROUP BY city\".")] string sql,
        [Description("markdown, json or csv, e.g. \"csv\".")] string format = "markdown",
        [Description("Rows, 1 to the configured cap (default 500); e.g. 50.")] int? max_rows = null,
        [Description("First row, e.g. 500.")]
        [Range(0, 1e15)] long offset = 0, // Declared so the argument check allows more than 32 bits; 1e15 rows is beyond any table.
        [Description("Seconds, 1 to the configured limit (default 30); e.g. 10.")] int? timeout_seconds = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = Enum.TryParse<QueryFormat>(format, ignoreCase: true, out var f) && Enum.IsDefined(f)
            ? f
            : throw McpFlowException.Invalid($"Unknown format '{format}'.", "Use markdown, json or csv.");
        var result = runner.Run(sql, parsed, max_rows, offset, timeout_seconds, cancellationToken);
        var footer = result.Kind == "write" ? "" : result.Truncated
            ? $"\n{result.Rows.Count} row(s) shown from offset {result.Offset}; more rows exist (cut by the {result.TruncatedBy} cap). Call again with offset={result.NextOffset} for the next page."
            : $"\n{result.Rows.Count} row(s) from offset {result.Offset}; this is the last page.";
        return ToolResults.Create(result.Text.TrimEnd() + "\n" + footer.TrimStart('\n'), result);
    }
}
