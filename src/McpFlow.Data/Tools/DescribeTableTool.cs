using System.ComponentModel;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Data.Storage;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_describe_table</c> tool.</summary>
[McpServerToolType]
public sealed class DescribeTableTool(TableCatalog catalog)
{
    /// <summary>Describes one table.</summary>
    [McpServerTool(Name = "data_describe_table", Title = "Describe a table",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Shows a table's schema, row count, source, lineage and sample rows.")]
    public CallToolResult Describe(
        [Description("Table name, e.g. \"customers\".")] string table,
        [Description("Sample rows, 0-50; e.g. 10.")] int sample_rows = 5,
        CancellationToken cancellationToken = default)
    {
        var d = catalog.Describe(table, sample_rows, cancellationToken);
        var result = Answer(d, null);
        // A wide table's sample rows are what can outgrow the result budget: halve them until the answer fits.
        var shown = d;
        while (ResultBudget.Characters(result) > ResultBudget.MaxCharacters && shown.Sample.Count > 0)
        {
            shown = shown with { Sample = shown.Sample.Take(shown.Sample.Count / 2).ToList() };
            result = Answer(shown, $"Showing {shown.Sample.Count} of the {d.Sample.Count} sample rows asked for, to fit the result budget; " +
                                   "query more with data_query (e.g. SELECT the columns you need).");
        }

        return result;
    }

    private static CallToolResult Answer(TableDescription d, string? sampleNote)
    {
        var text = new StringBuilder($"Table '{d.Name}': {d.Rows:N0} rows × {d.Columns.Count} columns.\n");
        if (d.Source is { } s)
            text.AppendLine($"Source: {s.Path} ({s.Format}), loaded {s.LoadedAt:yyyy-MM-dd HH:mm:ss} UTC" +
                (d.SourceChanged ? ". The file changed since." : "."));
        text.AppendLine("Columns: " + string.Join(", ", d.Columns.Select(c => $"{c.Name} ({c.Type})")) + ".");
        if (d.Lineage.Count > 0)
        {
            text.AppendLine("Lineage:");
            foreach (var l in d.Lineage)
                text.AppendLine(l.Column is null
                    ? $"- {l.Table} = {l.Operation}({l.ParentTable}) {l.Spec}"
                    : $"- {l.Table}.{l.Column} = {l.Operation} on {l.ParentTable} {l.Spec}");
        }

        if (d.Sample.Count > 0)
            text.AppendLine().Append(MarkdownTable.Render(d.Columns, d.Sample));
        IReadOnlyList<string> next = d.SourceChanged ? ["Call data_load again to refresh the table from the changed file."] : [];
        if (sampleNote is null)
            return ToolResults.Create(text.ToString().TrimEnd(), d, next);
        text.AppendLine().Append(sampleNote);
        var structured = JsonSerializer.SerializeToNode(d, McpFlowJson.Options)!.AsObject();
        structured["sampleNote"] = sampleNote;
        return ToolResults.Create(text.ToString().TrimEnd(), structured, next);
    }
}
