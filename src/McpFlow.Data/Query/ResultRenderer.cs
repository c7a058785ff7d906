using System.Text;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Query;

/// <summary>Renders result rows as Markdown, JSON or CSV.</summary>
public static class ResultRenderer
{
    /// <summary>Renders <paramref name="rows"/>.</summary>
    public static string Render(QueryFormat format, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows) => format switch
    {
        QueryFormat.Json => JsonSerializer.Serialize(
            rows.Select(r => columns.Select((c, i) => (c.Name, Value: r[i])).ToDictionary(p => p.Name, p => p.Value)), McpFlowJson.Options),
        QueryFormat.Csv => Csv(columns, rows),
        _ => MarkdownTable.Render(columns.Select(c => c.Name).ToList(), rows.Select(r => (IReadOnlyList<string>)r.Select(CellValues.ToText).ToList())),
    };

    private static string Csv(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Quote(c.Name))).Append('\n');
        foreach (var row in rows)
            text.AppendJoin(',', row.Select(v => v is null ? "" : Quote(CellValues.ToText(v)))).Append('\n');
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
