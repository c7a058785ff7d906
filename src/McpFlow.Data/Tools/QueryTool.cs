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
    [McpServerTool(Name = "data_query", Title = "Query workspace tables with SQL",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Runs one DuckDB SQL query over the workspace tables (files are loaded first with data_load; client SQL never reads files) " +
                 "and returns one page of rows as a Markdown table, JSON or CSV. Read-only: statements that change data or settings are refused " +
                 "unless the operator enabled writes. Large results are cut at max_rows or the character cap; 'truncated' and 'next_offset' " +
                 "say how to fetch the next page. Queries running past the timeout are interrupted.")]
    public CallToolResult Query(
        [Description("One SQL statement, e.g. \"SELECT city, avg(amount) FROM sales GROUP BY city ORDER BY 2 DESC\".")] string sql,
        [Description("Output format: markdown, json or csv. Default markdown; e.g. \"csv\".")] string format = "markdown",
        [Description("Rows per page, 1 to the configured cap (default 500). Default: the cap; e.g. 50.")] int? max_rows = null,
        [Description("Index of the first row to return, for paging (use next_offset from the previous page). Default 0; e.g. 500.")]
        [Range(0, 1e15)] long offset = 0, // Declared so the argument check allows more than 32 bits; 1e15 rows is beyond any table.
        [Description("Seconds before the query is interrupted, 1 to the configured limit (default 30). Default: the limit; e.g. 10.")] int? timeout_seconds = null,
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
