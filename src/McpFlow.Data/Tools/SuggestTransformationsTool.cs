using System.ComponentModel;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Data.Transformations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>suggest_transformations</c> tool.</summary>
[McpServerToolType]
public sealed class SuggestTransformationsTool(Suggester suggester, ITransformSuggestionStore store)
{
    /// <summary>Suggests transformations.</summary>
    // Not read-only: it stores the suggestions in the workspace database so data_apply_transformation can use their ids.
    [McpServerTool(Name = "suggest_transformations", Title = "Suggest transformations",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Proposes ranked data fixes and transforms for a table, with ids for data_apply_transformation.")]
    public CallToolResult Suggest(
        [Description("Table, e.g. \"customers\".")] string table,
        [Description("Only these columns, e.g. [\"amount\"].")] string[]? columns = null,
        [Description("Max suggestions, 1-50; e.g. 5.")] int limit = 10,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 50)
            throw McpFlowException.Invalid($"limit must be between 1 and 50; got {limit}.");
        var (profile, suggestions) = suggester.Suggest(table, columns, cancellationToken);
        store.Store(profile.Table, suggestions);
        var shown = suggestions.Take(limit).ToList();
        var result = Answer(profile.Table, shown, suggestions.Count, null);
        // Many suggestions with their alternatives on a wide table can outgrow the result budget: show fewer, from the end.
        while (ResultBudget.Characters(result) > ResultBudget.MaxCharacters && shown.Count > 1)
        {
            shown = shown.Take(Math.Min(shown.Count - 1, shown.Count * 9 / 10)).ToList();
            result = Answer(profile.Table, shown, suggestions.Count,
                $"Showing the first {shown.Count} of the {Math.Min(limit, suggestions.Count)} asked for, to fit the result budget; " +
                "ask for the others with columns=[...] (the columns they concern).");
        }

        return result;
    }

    private static CallToolResult Answer(string table, List<Suggestion> shown, int total, string? budgetNote)
    {
        var text = TransformText.Suggestions(table, shown, total);
        var next = shown.Count == 0
            ? "Nothing to apply; profile the table with analyze_dataframe to see its statistics."
            : $"Apply one with data_apply_transformation(table=\"{table}\", suggestion_id=\"{shown[0].Id}\"); ids stay valid until the table is reloaded.";
        if (budgetNote is not null)
            text += "\n" + budgetNote;
        return ToolResults.Create(text, new { table, suggestions = shown, total, budgetNote }, [next]);
    }
}
