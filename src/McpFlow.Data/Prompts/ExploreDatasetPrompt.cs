using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Prompts;

/// <summary>The "explore this dataset" guided workflow.</summary>
[McpServerPromptType]
public sealed class ExploreDatasetPrompt
{
    /// <summary>Builds the prompt.</summary>
    [McpServerPrompt(Name = "explore_dataset", Title = "Explore a dataset")]
    [Description("Guides an exploration of a data file or table: load, profile, explain what matters, propose and preview transformations, report.")]
    public static string Explore(
        [Description("A file path or workspace table, e.g. \"examples/data/customers.csv\" or \"customers\".")] string dataset,
        [Description("What the user wants to learn or predict, e.g. \"what drives purchase_amount\". Optional.")] string? goal = null) =>
        $"""
        Explore the dataset "{dataset}" with the McpFlow data tools{(string.IsNullOrWhiteSpace(goal) ? "" : $", keeping this goal in mind: {goal}")}.
        1. If it is a file, load it with data_load (check the detected delimiter, header and types); otherwise data_describe_table.
        2. Run analyze_dataframe. Summarise in a few lines what matters: size, ranges of the key columns, skewed columns,
           missing values, duplicates, type problems, strong correlations. Quote the numbers.
        3. Run suggest_transformations and present the top options with their measured effect (e.g. skew before → after).
           Ask the user which to apply; never apply without asking.
        4. Apply the chosen ones with data_apply_transformation (new columns or versioned tables; originals stay) and show the
           before/after statistics and histograms.
        5. Offer generate_eda_report for a shareable Markdown/HTML report, and data_export for the cleaned table.
        Use data_query for any specific question (read-only SQL).
        """;
}
