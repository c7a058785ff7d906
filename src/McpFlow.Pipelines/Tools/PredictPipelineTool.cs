using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Explanations;
using McpFlow.Pipelines.Training;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_predict.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class PredictPipelineTool(PipelinePredictor predictor, IModelResolver models, IRunRecorder recorder)
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
        [Description("Top feature contributions per row, e.g. 3.")][Range(0, ContributionCalculator.MaxTop)] int contributions = 0,
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

        var result = predictor.Predict(modelId, table, output_table, cancellationToken, contributions);
        text.Append(CultureInfo.InvariantCulture, $"Predicted {result.Rows} rows of '{table}' into table '{result.OutputTable}'");
        text.Append(result.SkippedRows > 0 ? $" ({result.SkippedRows} rows skipped: not enough history for lags)." : ".");
        text.Append(" Summary: " + string.Join(", ", result.Summary.Select(s => $"{s.Key} {s.Value.ToString("G6", CultureInfo.InvariantCulture)}")) + ".");
        if (result.Contributions is not { } explained)
            return ToolResults.Create(text.ToString(), result);
        text.AppendLine().AppendLine(ContributionText.Markdown(explained));
        var run = await RecordAsync(model_id, table, result, explained, cancellationToken);
        if (run is not null)
            text.AppendLine(RunRecording.Describe(run));
        return ToolResults.Create(text.ToString().TrimEnd(), RunRecording.WithRun(result, run));
    }

    // Explained predictions are an analysis step: the contributions of every row go into the run folder.
    private Task<RecordedRun?> RecordAsync(string model, string table, PredictionResult result, ContributionReport explained, CancellationToken cancellationToken) =>
        recorder.RecordAsync(
            new RunStart("pipeline_predict", "evaluation", $"Contributions of {explained.Trainer} on {table}",
                JsonSerializer.SerializeToNode(new { model_id = model, table, result.OutputTable }, McpFlowJson.Options), [new RunInput(table, null, null)]),
            folder =>
            {
                var csv = Path.Combine(folder, "contributions.csv");
                File.WriteAllText(csv, ContributionText.Csv(explained));
                var json = Path.Combine(folder, "contributions.json");
                File.WriteAllText(json, JsonSerializer.Serialize(explained, McpFlowJson.Indented));
                var top = explained.MeanAbsolute.Take(3).Select(c => c.Column);
                return new RunOutcome([csv, json], new Dictionary<string, double> { ["rows_explained"] = explained.Rows },
                    $"Per-prediction contributions of {explained.Trainer} for {explained.Rows} rows of {table}; largest on average: {string.Join(", ", top)}.");
            },
            cancellationToken);
}
