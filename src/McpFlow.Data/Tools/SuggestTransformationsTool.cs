using System.ComponentModel;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Data.Transformations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>suggest_transformations</c> tool.</summary>
[McpServerToolType]
public sealed class SuggestTransformationsTool(Suggester suggester, SuggestionStore store)
{
    /// <summary>Suggests transformations.</summary>
    // Not read-only: it stores the suggestions in the workspace database so data_apply_transformation can use their ids.
    [McpServerTool(Name = "suggest_transformations", Title = "Suggest transformations",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Profiles a table and proposes ranked, data-driven transformations with their rationale and their effect measured on this " +
                 "data, broken data first: type fixes (numbers and dates stored as text, with the decimal separator or day/month order decided " +
                 "from the values), missing markers, inconsistent category spellings, duplicate rows, constant / near-duplicate / id columns, " +
                 "imputation by missing share; then modelling transforms (skew, outliers, encoding, scaling). One suggestion per column and " +
                 "problem, other fixes listed as alternatives. Each has an id for data_apply_transformation, kept across restarts.")]
    public CallToolResult Suggest(
        [Description("Workspace table, e.g. \"customers\".")] string table,
        [Description("Only suggest for these columns, e.g. [\"purchase_amount\"]. Default: all.")] string[]? columns = null,
        [Description("Most suggestions to return, 1-50. Default 10; e.g. 5.")] int limit = 10,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 50)
            throw McpFlowException.Invalid($"limit must be between 1 and 50; got {limit}.");
        var (profile, suggestions) = suggester.Suggest(table, columns, cancellationToken);
        store.Store(profile.Table, suggestions);
        var shown = suggestions.Take(limit).ToList();
        return ToolResults.Create(TransformText.Suggestions(profile.Table, shown, suggestions.Count), new { table = profile.Table, suggestions = shown, total = suggestions.Count });
    }
}
