namespace McpFlow.Core.Mcp;

/// <summary>The instructions sent to clients at initialization.</summary>
public static class ServerInstructions
{
    /// <summary>Instructions text.</summary>
    public const string Text =
        "McpFlow is a data-science co-pilot. Tools are grouped by prefix: data_* and analyze_dataframe/suggest_transformations/" +
        "generate_eda_report (DuckDB tables), mlflow_*/analyze_mlflow_runs/suggest_hyperparams (experiments), pde_*/pinn_* " +
        "(physics-informed neural networks), pipeline_* (ML.NET models), workbench_* (review and approval). Long work runs as " +
        "background jobs: a tool returns a job id when it does not finish within ~20 s; follow it with job_status. File paths " +
        "must lie under the allowed roots that server_info lists. Tool descriptions are short: each tool's full documentation " +
        "(parameters with defaults and ranges, limits, results, related tools) is the resource mcpflow://docs/tools/{name}, " +
        "e.g. mcpflow://docs/tools/data_query.";
}
