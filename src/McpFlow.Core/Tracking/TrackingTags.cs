namespace McpFlow.Core.Tracking;

/// <summary>Tag keys McpFlow writes on runs (MLflow's own <c>mlflow.*</c> keys are used where they exist).</summary>
public static class TrackingTags
{
    /// <summary>MLflow's run-name tag.</summary>
    public const string RunName = "mlflow.runName";

    /// <summary>MLflow's source-name tag (McpFlow writes the tool name).</summary>
    public const string Source = "mlflow.source.name";

    /// <summary>The suggestion a run was trained from (leaderboard marks such runs as "improved" candidates).</summary>
    public const string SuggestionId = "mcpflow.suggestion_id";

    /// <summary>The explanation of that suggestion, kept with the run.</summary>
    public const string SuggestionExplanation = "mcpflow.suggestion_explanation";

    /// <summary>The McpFlow tool that created the run.</summary>
    public const string Tool = "mcpflow.tool";

    /// <summary>SHA-256 of the data a run trained on, as the trainer saw it (pipeline_train: the feature frame after
    /// its SQL steps, with the target), shown in a model version's lineage.</summary>
    public const string DataHash = "mcpflow.data_sha256";

    /// <summary>The workbench run id of the same step, when recorded there.</summary>
    public const string WorkbenchRunId = "mcpflow.workbench_run_id";
}
