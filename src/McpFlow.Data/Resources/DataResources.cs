using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Resources;

/// <summary>Workspace tables and EDA reports as MCP resources.</summary>
[McpServerResourceType]
public sealed class DataResources(TableCatalog catalog, McpFlowWorkspace workspace, ProfileStore profiles)
{
    /// <summary>Rows of the sample included in a table resource.</summary>
    public const int SampleRows = 20;

    /// <summary>A table's description (schema, row count, source, lineage, sample) as JSON.</summary>
    [McpServerResource(UriTemplate = "mcpflow://data/tables/{table}", Name = "data_table", Title = "Workspace table", MimeType = "application/json")]
    [Description("A workspace table: schema, row count, source file, lineage and the first 20 rows, as JSON.")]
    public string Table([Description("Table name, e.g. \"customers\".")] string table) =>
        JsonSerializer.Serialize(catalog.Describe(table, SampleRows), McpFlowJson.Indented);

    /// <summary>A table's latest full profile.</summary>
    [McpServerResource(UriTemplate = "mcpflow://data/profiles/{table}", Name = "data_profile", Title = "Full table profile", MimeType = "application/json")]
    [Description("The latest full profile of a table written by analyze_dataframe (every column, histogram and correlation), as JSON.")]
    public string Profile([Description("Table name, e.g. \"customers\".")] string table) => profiles.Read(table);

    /// <summary>An EDA report's Markdown.</summary>
    [McpServerResource(UriTemplate = "mcpflow://data/reports/{name}", Name = "data_report", Title = "EDA report", MimeType = "text/markdown")]
    [Description("An EDA report written by generate_eda_report, as Markdown (the HTML and JSON versions sit in the same folder).")]
    public string Report([Description("Report name, e.g. \"customers-20261123-101500\".")] string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
            throw McpFlowException.Invalid($"Invalid report name '{name}'.", "Use a name listed by generate_eda_report, e.g. \"customers-20261123-101500\".");
        var folder = Path.Combine(workspace.ReportsPath, name);
        var markdown = Path.Combine(folder, "report.md");
        if (File.Exists(markdown))
            return File.ReadAllText(markdown);
        var json = Path.Combine(folder, "report.json");
        return File.Exists(json) ? File.ReadAllText(json) : throw McpFlowException.NotFound($"No report named '{name}'.", "Generate one with generate_eda_report.");
    }
}
