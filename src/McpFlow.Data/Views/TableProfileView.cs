using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Data.Views;

/// <summary>
/// The table profile (MCP Apps view <c>ui://mcpflow/table-profile</c>, <c>Views/table-profile.html</c>) for
/// <c>analyze_dataframe</c> and <c>generate_eda_report</c>: a sortable column table (name, type, missing share, distinct
/// values, alerts) and a correlation heatmap from what the result's text states; a column's histogram and top values on
/// click, a rows × columns missing-value matrix, the columns and correlation pairs a thinned result left out, and a
/// report's columns, all fetched through the host with the read-only <c>data_query</c> and <c>data_describe_table</c>, a
/// page at a time. A button calls <c>suggest_transformations</c>, then <c>data_apply_transformation</c> for the chosen
/// suggestion, and shows the before/after it returns.
/// </summary>
public static class TableProfileView
{
    /// <summary>The view's name (its URI is <c>ui://mcpflow/table-profile</c>).</summary>
    public const string Name = "table-profile";

    /// <summary>The view, built once from the embedded page.</summary>
    public static AppView View { get; } = AppView.FromEmbedded(typeof(TableProfileView).Assembly, "McpFlow.Data.Views.table-profile.html", Name,
        "Table profile", "A table's columns, histograms, top values, missing values and correlations, with suggested transformations to apply.",
        ["analyze_dataframe", "generate_eda_report"]);
}
