using System.ComponentModel;
using System.Globalization;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Pipelines.Training;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_predict.</summary>
[McpServerToolType]
public sealed class PredictPipelineTool(PipelinePredictor predictor)
{
    /// <summary>Predicts a table with a trained pipeline.</summary>
    [McpServerTool(Name = "pipeline_predict", Title = "Predict with a trained pipeline", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Applies a model trained by pipeline_train (its saved spec, preprocessing and ML.NET model) to a workspace table with the same " +
                 "columns and writes a new table with the input rows plus a 'prediction' column (and 'probability' for classification). " +
                 "For forecasting the table must hold the series history: each row is forecast from values at least one horizon earlier.")]
    public CallToolResult Predict(
        [Description("Model id returned by pipeline_train, e.g. \"power-lightgbm-20261123-101500-ab12\".")] string model_id,
        [Description("Workspace table to predict, e.g. \"customers_2025\".")] string table,
        [Description("Name of the output table (letters, digits, underscores). Default \"<table>_predictions\"; replaced if it exists. e.g. \"wind_power_forecast\".")] string? output_table = null,
        CancellationToken cancellationToken = default)
    {
        var result = predictor.Predict(model_id, table, output_table, cancellationToken);
        var text = new StringBuilder($"Predicted {result.Rows} rows of '{table}' into table '{result.OutputTable}'");
        text.Append(result.SkippedRows > 0 ? $" ({result.SkippedRows} rows skipped: not enough history for lags)." : ".");
        text.Append(" Summary: " + string.Join(", ", result.Summary.Select(s => $"{s.Key} {s.Value.ToString("G6", CultureInfo.InvariantCulture)}")) + ".");
        return ToolResults.Create(text.ToString(), result);
    }
}
