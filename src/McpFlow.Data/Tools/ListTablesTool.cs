using System.ComponentModel;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Data.Storage;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_list_tables</c> tool.</summary>
[McpServerToolType]
public sealed class ListTablesTool(TableCatalog catalog)
{
    /// <summary>Lists the workspace tables.</summary>
    [McpServerTool(Name = "data_list_tables", Title = "List tables",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TableList))]
    [Description("Lists the workspace tables with row and column counts and their source.")]
    public CallToolResult List(CancellationToken cancellationToken = default)
    {
        var tables = catalog.List(cancellationToken);
        var text = new StringBuilder(tables.Count == 0 ? "The workspace has no tables yet." : $"{tables.Count} table(s):\n");
        foreach (var t in tables)
            text.AppendLine($"- {t.Name}: {t.Rows:N0} rows × {t.Columns} columns" +
                (t.Source is not null ? $", from {Path.GetFileName(t.Source)}" : "") + (t.DerivedFrom is not null ? $", derived from {t.DerivedFrom}" : ""));
        IReadOnlyList<string> next = tables.Count == 0 ? ["Load a file with data_load."] : [];
        return ToolResults.Create(text.ToString().TrimEnd(), new TableList(tables), next);
    }
}
