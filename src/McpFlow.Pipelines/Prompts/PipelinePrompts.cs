using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Prompts;

/// <summary>Guided workflows of the pipelines group.</summary>
[McpServerPromptType]
public sealed class PipelinePrompts
{
    /// <summary>From a table to a trained, compared model.</summary>
    [McpServerPrompt(Name = "pipeline_workflow", Title = "Build, compare and train an ML pipeline")]
    [Description("Guides the assistant from a workspace table to a generated pipeline, a step evaluation, a model leaderboard and a trained model.")]
    public static string Workflow(
        [Description("Workspace table, e.g. \"wind_power\".")] string table,
        [Description("Column to predict, e.g. \"power_mw\" (empty for clustering).")] string? target = null,
        [Description("Task or \"infer\", e.g. \"forecasting\".")] string? task = null,
        [Description("Time column for forecasting, e.g. \"timestamp\".")] string? time_column = null) =>
        $"""
        Build a machine-learning pipeline for table '{table}'{(target is null ? "" : $" predicting '{target}'")}{(task is null ? "" : $" as a {task} task")}{(time_column is null ? "" : $" ordered by '{time_column}'")}.
        1. Call generate_pipeline (table="{table}"{(target is null ? "" : $", target=\"{target}\"")}{(task is null ? "" : $", task=\"{task}\"")}{(time_column is null ? "" : $", time_column=\"{time_column}\"")}). Explain the validation findings (leakage, dropped columns, seasonality) and each step in plain words; fix blocking problems the error messages point to.{(time_column is null || target is null ? "" : $"\n   Before modelling a series, call pipeline_detect_series_events (table=\"{table}\", value_column=\"{target}\", time_column=\"{time_column}\") and point out spikes and level shifts the user should know about.")}
        2. Call evaluate_pipeline_steps with the spec_id; show the step table and say which optional steps help or hurt (ablation).
        3. Call pipeline_compare_models; show the leaderboard, name the best model and whether it beats the baseline.
        4. Offer to train the best model with pipeline_train (or with a suggestion id from suggest_hyperparams) and say whether it beat the previous best; show the charts.
        5. Offer pipeline_predict on a table with the same columns.
        """;
}
