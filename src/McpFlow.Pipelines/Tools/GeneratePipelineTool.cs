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
    [Description("Builds a versioned ML pipeline spec for a table, with leakage checks; returns spec_id.")]
    public CallToolResult Generate(
        [Description("Table, e.g. \"wind\".")] string table,
        [Description("Target column, e.g. \"power\".")] string? target = null,
        [Description("Task, e.g. \"forecasting\".")] string task = "infer",
        [Description("Time column, e.g. \"time\".")] string? time_column = null,
        [Description("Horizon, 1-1000; e.g. 24.")] int horizon = 1,
        [Description("CV folds, 2-20; e.g. 3.")] int folds = 5,
        [Description("File for a missing table, e.g. \"data/wind.csv\".")] string? file = null,
        CancellationToken cancellationToken = default)
    {
        var loaded = file is not null && importer.ImportIfMissing(table, file, cancellationToken);
        var spec = generator.Generate(new GenerateRequest(table, target, task, time_column, horizon, folds));
        var id = store.SaveSpec(spec);
        var text = (loaded ? $"Loaded '{file}' into table '{table}' ({spec.RowCount} rows).\n" : "") + SpecText.Markdown(spec, id);
        return ToolResults.Create(text, new { spec_id = id, loaded_file = loaded ? file : null, spec });
    }
}
