using System.ComponentModel;
using System.Globalization;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Training;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_predict.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class PredictPipelineTool(PipelinePredictor predictor, IModelResolver models)
{
    /// <summary>Tag pipeline_train writes on its MLflow run with the saved model's id.</summary>
    public const string ModelIdTag = "mcpflow.model_id";

    /// <summary>Predicts a table with a trained pipeline.</summary>
    [McpServerTool(Name = "pipeline_predict", Title = "Predict with a pipeline", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Applies a trained model to a table, writing a new table of predictions.")]
    public async Task<CallToolResult> Predict(
        [Description("Model id or URI, e.g. \"models:/churn@champion\".")] string model_id,
        [Description("Table, e.g. \"wind_2025\".")] string table,
        [Description("Output table, e.g. \"forecast\".")] string? output_table = null,
        CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        var modelId = model_id;
        if (model_id.StartsWith("models:/", StringComparison.Ordinal))
        {
            var resolved = await models.ResolveAsync(model_id, "model_id", cancellationToken);
            modelId = resolved.RunTags.GetValueOrDefault(ModelIdTag)
                ?? throw McpFlowException.Invalid($"{model_id} is version {resolved.Version} of '{resolved.Name}', from run {resolved.RunId}, which pipeline_train did not log (no {ModelIdTag} tag).",
                    "pipeline_predict scores pipeline_train models; register a pipeline_train run (mlflow_register_model) and point the alias at it.");
            text.Append(CultureInfo.InvariantCulture, $"{model_id} → {resolved.Name} version {resolved.Version} (run {resolved.RunId}, model {modelId}). ");
        }

        var result = predictor.Predict(modelId, table, output_table, cancellationToken);
        text.Append(CultureInfo.InvariantCulture, $"Predicted {result.Rows} rows of '{table}' into table '{result.OutputTable}'");
        text.Append(result.SkippedRows > 0 ? $" ({result.SkippedRows} rows skipped: not enough history for lags)." : ".");
        text.Append(" Summary: " + string.Join(", ", result.Summary.Select(s => $"{s.Key} {s.Value.ToString("G6", CultureInfo.InvariantCulture)}")) + ".");
        return ToolResults.Create(text.ToString(), result);
    }
}
