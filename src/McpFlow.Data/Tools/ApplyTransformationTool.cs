using System.ComponentModel;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Data.Transformations;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_apply_transformation</c> tool.</summary>
[McpServerToolType]
public sealed class ApplyTransformationTool(TransformApplier applier, SuggestionStore store)
{
    /// <summary>Applies a transformation.</summary>
    [McpServerTool(Name = "data_apply_transformation", Title = "Apply a transformation (new column or table)",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Applies a suggested (by suggestion_id) or explicit transformation without changing existing data: column operations add a new " +
                 "column (e.g. log_purchase), row/table operations (drop_duplicates, remove_outliers, drop_column, one_hot) create a new versioned " +
                 "table (e.g. customers_v2). Parameters left out are computed from the data (e.g. mean and std for standardize; the decimal " +
                 "separator for to_number, refused with the counts of each reading when the values cannot decide it; the date formats for " +
                 "parse_date). Returns before/after statistics, values that could not be converted, a preview and before/after histogram " +
                 "images, and records the lineage (shown by data_describe_table).")]
    public async Task<CallToolResult> Apply(
        [Description("Workspace table, e.g. \"customers\".")] string table,
        [Description("Id from suggest_transformations, e.g. \"log1p:purchase_amount\". Give this or operation.")] string? suggestion_id = null,
        [Description("Operation when no suggestion_id: log1p, log, sqrt, box_cox, yeo_johnson, clip, standardize, min_max, impute_mean, impute_median, " +
                     "impute_mode, impute_value, missing_indicator, outlier_flag, to_number, parse_date, frequency_encode, normalize_text, null_markers, " +
                     "drop_duplicates, remove_outliers, drop_column, one_hot; e.g. \"log1p\".")] string? operation = null,
        [Description("Source column, e.g. \"purchase_amount\".")] string? column = null,
        [Description("Name of the new column, e.g. \"log_purchase\". Default: derived from the operation.")] string? new_column = null,
        [Description("Numeric parameters, e.g. {\"lambda\": 0.25} for yeo_johnson or {\"lower\": 0, \"upper\": 500} for clip; left out, they are computed from the data.")] Dictionary<string, double>? parameters = null,
        [Description("Text parameter: fill value for impute_value/impute_mode; strptime format(s) for parse_date, several separated by '|' (e.g. \"%d/%m/%Y\"); " +
                     "decimal separator for to_number (\",\" or \".\"); most_frequent, lower or upper for normalize_text. Left out, decided from the data.")] string? text = null,
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
