using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Data.Views;

/// <summary>
/// The table profile (MCP Apps view <c>ui://mcpflow/table-profile</c>, <c>Views/table-profile.html</c>): a sortable column
/// table (name, type, missing share, distinct values, alerts), a column's histogram and top values on click and a
/// correlation heatmap with hover values, all from the result of <c>analyze_dataframe</c>; a button calls
/// <c>suggest_transformations</c>, then <c>data_apply_transformation</c> for the chosen suggestion through the host
/// bridge, and shows the before/after it returns. It shows only what the tool results carry.
/// </summary>
public static class TableProfileView
{
    /// <summary>The view's name (its URI is <c>ui://mcpflow/table-profile</c>).</summary>
    public const string Name = "table-profile";

    /// <summary>The view, built once from the embedded page.</summary>
    public static AppView View { get; } = AppView.FromEmbedded(typeof(TableProfileView).Assembly, "McpFlow.Data.Views.table-profile.html", Name,
        "Table profile", "A table's columns, histograms, top values and correlations, with suggested transformations to apply.",
        ["analyze_dataframe"]);
}
