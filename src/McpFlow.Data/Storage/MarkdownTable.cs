using System.Text;

namespace McpFlow.Data.Storage;

/// <summary>Renders rows as a Markdown table.</summary>
public static class MarkdownTable
{
    /// <summary>A Markdown table of <paramref name="rows"/> under <paramref name="headers"/>.</summary>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers.Select(CellValues.ForMarkdown)).AppendLine(" |");
        text.Append('|').AppendJoin("", headers.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
            text.Append("| ").AppendJoin(" | ", row.Select(CellValues.ForMarkdown)).AppendLine(" |");
        return text.ToString();
    }

    /// <summary>A Markdown table of sample rows (column → value).</summary>
    public static string Render(IReadOnlyList<TableColumn> columns, IEnumerable<Dictionary<string, object?>> rows) =>
        Render(columns.Select(c => c.Name).ToList(),
            rows.Select(r => (IReadOnlyList<string>)columns.Select(c => CellValues.ToText(r.GetValueOrDefault(c.Name))).ToList()));
}
