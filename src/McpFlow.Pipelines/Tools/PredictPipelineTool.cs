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
    [McpServerTool(Name = "pipeline_predict", Title = "Predict with a pipeline", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Applies a trained model to a table, writing a new table of predictions.")]
    public CallToolResult Predict(
        [Description("Model id, e.g. \"power-lightgbm-20261123-101500-ab12\".")] string model_id,
        [Description("Table, e.g. \"wind_2025\".")] string table,
        [Description("Output table, e.g. \"forecast\".")] string? output_table = null,
        CancellationToken cancellationToken = default)
    {
        var result = predictor.Predict(model_id, table, output_table, cancellationToken);
        var text = new StringBuilder($"Predicted {result.Rows} rows of '{table}' into table '{result.OutputTable}'");
        text.Append(result.SkippedRows > 0 ? $" ({result.SkippedRows} rows skipped: not enough history for lags)." : ".");
        text.Append(" Summary: " + string.Join(", ", result.Summary.Select(s => $"{s.Key} {s.Value.ToString("G6", CultureInfo.InvariantCulture)}")) + ".");
        return ToolResults.Create(text.ToString(), result);
    }
}
