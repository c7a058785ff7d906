using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Query;

/// <summary>Keeps a result page within its character cap: long cells are cut, and the page's size is measured as the
/// larger of its text and its structured (JSON) form.</summary>
internal static class PageCells
{
    /// <summary>A cell value no longer than <paramref name="max"/> characters: long text is cut, and lists, maps and
    /// blobs whose JSON is too long become their cut JSON text.</summary>
    public static object? Cap(object? value, int max, ref bool cut)
    {
        switch (value)
        {
            case string s when s.Length > max:
                cut = true;
                return s[..max] + "…";
            case System.Collections.IEnumerable and not string:
                var json = JsonSerializer.Serialize(value, McpFlowJson.Options);
                if (json.Length <= max)
                    return value;
                cut = true;
                return json[..max] + "…";
            default:
                return value;
        }
    }

    /// <summary>Characters the page costs in the result: its text plus its rows as JSON (the structured content carries
    /// the rows too, and the result budget counts both parts together: <see cref="Core.Mcp.ResultBudget"/>).</summary>
    public static int Size(QueryFormat format, IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows, string text) =>
        text.Length + (format == QueryFormat.Json ? text.Length : ResultRenderer.Render(QueryFormat.Json, columns, rows).Length);
}
