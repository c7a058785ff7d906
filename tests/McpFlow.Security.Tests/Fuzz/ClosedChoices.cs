namespace McpFlow.Security.Tests.Fuzz;

/// <summary>
/// Parameters whose descriptions (tools/list) name a closed set of values, and count-like parameters that cannot be
/// negative. An unknown choice or a negative count must be refused with an error naming the parameter (issue 11: 436
/// absurd values "accepted silently"). Written from the descriptions; the fuzz asserts each entry still exists.
/// </summary>
internal static class ClosedChoices
{
    /// <summary>tool.parameter names taking one of a closed set of values (for arrays: each item).</summary>
    public static readonly IReadOnlySet<string> Enumerated = new HashSet<string>(StringComparer.Ordinal)
    {
        "job_list.state", "data_load.format", "data_load.encoding", "data_query.format", "data_apply_transformation.operation",
        "generate_eda_report.formats", "data_export.format", "mlflow_log_run.status", "analyze_mlflow_runs.direction",
        "explain_run_difference.direction", "mlflow_leaderboard.direction", "suggest_hyperparams.direction",
        "generate_pipeline.task", "pipeline_compare_models.trainers",
        "evaluate_pipeline_steps.trainer", "pipeline_train.trainer", "pipeline_tune.trainer", "workbench_record_run.kind", "workbench_list_runs.state",
        "workbench_decide.decision", "workbench_audit.action",
    };

    /// <summary>Parameter names that count or measure something and so cannot be negative, in any tool.</summary>
    public static readonly IReadOnlySet<string> NonNegative = new HashSet<string>(StringComparer.Ordinal)
    {
        "limit", "count", "max_results", "top_runs", "sample_rows", "folds", "horizon", "depth", "width", "interior_points",
        "boundary_points", "initial_points", "adam_steps", "lbfgs_steps", "log_every", "resample_every", "season", "max_rows",
        "offset", "timeout_seconds", "wait_seconds", "max_seconds", "learning_rate", "target_loss", "seconds_per_step",
        "tolerance", "threshold", "rounds",
    };

    /// <summary>A value no description lists.</summary>
    public const string Unknown = "zz_not_a_choice";
}
