using System.ComponentModel;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Data.Transformations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_apply_transformation</c> tool.</summary>
[McpServerToolType]
public sealed class ApplyTransformationTool(TransformApplier applier, ITransformSuggestionStore store)
{
    /// <summary>Applies a transformation.</summary>
    [McpServerTool(Name = "data_apply_transformation", Title = "Apply a transformation",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Applies a suggestion or operation as a new column or versioned table; existing data is kept.")]
    public async Task<CallToolResult> Apply(
        [Description("Table, e.g. \"customers\".")] string table,
        [Description("Suggestion id, e.g. \"log1p:amount\".")] string? suggestion_id = null,
        [Description("Operation, e.g. \"log1p\".")] string? operation = null,
        [Description("Source column, e.g. \"amount\".")] string? column = null,
        [Description("New column, e.g. \"log_amount\".")] string? new_column = null,
        [Description("Numbers, e.g. {\"upper\": 500}.")] Dictionary<string, double>? parameters = null,
        [Description("Text parameter, e.g. \"%d/%m/%Y\".")] string? text = null,
        CancellationToken cancellationToken = default)
    {
        TransformSpec spec;
        if (!string.IsNullOrWhiteSpace(suggestion_id))
        {
            var suggestion = store.Find(table, suggestion_id);
            spec = suggestion.Spec with { NewColumn = new_column ?? suggestion.Spec.NewColumn };
        }
        else if (!string.IsNullOrWhiteSpace(operation))
            spec = new TransformSpec(operation.Trim().ToLowerInvariant(), column, new_column, parameters, text);
        else
            throw McpFlowException.Invalid("Give suggestion_id or operation.", "E.g. suggestion_id=\"log1p:purchase_amount\", or operation=\"log1p\" with column=\"purchase_amount\".");
        var result = applier.Apply(table, spec, cancellationToken);
        var images = new List<ContentBlock>();
        foreach (var chart in result.Charts.Where(File.Exists))
            images.Add(ToolResults.Png(await File.ReadAllBytesAsync(chart, cancellationToken)));
        return ToolResults.Create(TransformText.Applied(result), result, images);
    }
}
