using System.ComponentModel;
using McpFlow.Core.Mcp;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>generate_pipeline.</summary>
[McpServerToolType]
public sealed class GeneratePipelineTool(PipelineGenerator generator, PipelineStore store, TableImporter importer)
{
    /// <summary>Generates a pipeline spec.</summary>
    [McpServerTool(Name = "generate_pipeline", Title = "Generate an ML pipeline", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Builds a documented, versioned ML pipeline spec (JSON) for a workspace table: validation (types, missing values, leakage " +
                 "such as target-derived columns, near-perfect correlation, future information, ID-like columns), cleaning, features " +
                 "(encoding by cardinality, scaling, date parts; for forecasting lags, left-closed rolling windows and Fourier terms from the " +
                 "season detected by autocorrelation), the cross-validation split, candidate ML.NET models and the task's metrics. " +
                 "Tasks: binary, multiclass, regression, forecasting, clustering, anomaly_detection. Returns spec_id for the other pipeline tools.")]
    public CallToolResult Generate(
        [Description("Workspace table name, e.g. \"wind_power\".")] string table,
        [Description("Column to predict, e.g. \"power_mw\". Omit for clustering or unlabelled anomaly detection.")] string? target = null,
        [Description("binary, multiclass, regression, forecasting, clustering, anomaly_detection, or infer (default) to decide from the target; e.g. \"forecasting\".")] string task = "infer",
        [Description("Column ordering the rows (date, timestamp or increasing number); required for forecasting, e.g. \"timestamp\".")] string? time_column = null,
        [Description("Forecast horizon in rows (forecasting), 1-1000. Default 1; e.g. 24 for a day ahead of hourly data.")] int horizon = 1,
        [Description("Cross-validation folds, 2-20. Default 5; e.g. 3.")] int folds = 5,
        [Description("Optional CSV or Parquet file loaded into 'table' first when that table does not exist yet, e.g. \"examples/data/wind_power.csv\".")] string? file = null,
        CancellationToken cancellationToken = default)
    {
        var loaded = file is not null && importer.ImportIfMissing(table, file, cancellationToken);
        var spec = generator.Generate(new GenerateRequest(table, target, task, time_column, horizon, folds));
        var id = store.SaveSpec(spec);
        var text = (loaded ? $"Loaded '{file}' into table '{table}' ({spec.RowCount} rows).\n" : "") + SpecText.Markdown(spec, id);
        return ToolResults.Create(text, new { spec_id = id, loaded_file = loaded ? file : null, spec });
    }
}
