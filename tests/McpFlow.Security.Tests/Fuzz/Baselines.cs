using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>
/// A valid, cheap call of every tool on the seeded workspace. The fuzz changes one argument at a time from these, so an
/// error can only come from the changed one; work a fuzzed value lets through stays small (one Adam step, one trainer,
/// wait_seconds 0 with the job cancelled right after).
/// </summary>
internal static class Baselines
{
    /// <summary>The baseline arguments of <paramref name="tool"/>, or null when the suite has none (a new tool: the
    /// fuzz then reports it, and still fuzzes it from its required parameters alone).</summary>
    public static JsonObject? For(string tool, SeedIds ids) => tool switch
    {
        "server_info" => new() { ["probe_engines"] = false },
        "job_status" => new() { ["job_id"] = ids.PinnJob, ["wait_seconds"] = 0 },
        "job_list" => new() { ["state"] = "succeeded", ["limit"] = 5 },
        "job_cancel" => new() { ["job_id"] = ids.PinnJob },
        "data_load" => new()
        {
            ["path"] = LinkLayout.Sales, ["table"] = "fuzz_sales", ["format"] = "csv", ["delimiter"] = ",", ["header"] = true,
            ["encoding"] = "utf-8", ["sheet"] = null, ["source_table"] = null, ["ignore_errors"] = false, ["force"] = false,
        },
        "data_list_tables" => new(),
        // The red-team server has no database source: the baseline is refused as unknown after its arguments are checked
        // (Secrets/SourceSecretTests attacks a real PostgreSQL source).
        "data_load_source" => new()
        {
            ["source"] = "fuzz", ["source_table"] = "public.orders", ["query"] = null, ["table"] = "fuzz_source", ["limit"] = 10,
            ["sample_percent"] = null, ["seed"] = 0,
        },
        "data_list_sources" => new() { ["source"] = null },
        "data_describe_table" => new() { ["table"] = ids.Table, ["sample_rows"] = 1 },
        "data_query" => new() { ["sql"] = "SELECT 1 AS x", ["format"] = "markdown", ["max_rows"] = 5, ["offset"] = 0, ["timeout_seconds"] = 5 },
        "analyze_dataframe" => new() { ["table"] = ids.Table, ["path"] = null, ["columns"] = new JsonArray("amount") },
        "suggest_transformations" => new() { ["table"] = ids.Table, ["columns"] = new JsonArray("amount"), ["limit"] = 2 },
        "data_apply_transformation" => new()
        {
            ["table"] = ids.Table, ["suggestion_id"] = null, ["operation"] = "clip", ["column"] = "amount", ["new_column"] = "fuzz_clip",
            ["parameters"] = new JsonObject { ["lower"] = 0, ["upper"] = 100 }, ["text"] = null,
        },
        "generate_eda_report" => new() { ["table"] = ids.Table, ["formats"] = new JsonArray("markdown") },
        "data_export" => new() { ["path"] = "exports/fuzz.csv", ["table"] = ids.Table, ["sql"] = null, ["format"] = "csv", ["overwrite"] = true, ["run_id"] = null },
        "mlflow_list_experiments" => new() { ["filter"] = null, ["max_results"] = 5, ["page_token"] = null },
        "mlflow_search_runs" => new()
        {
            ["experiment"] = ids.Experiment, ["filter"] = "metrics.accuracy > 0.1", ["order_by"] = new JsonArray("metrics.accuracy DESC"),
            ["max_results"] = 5, ["page_token"] = null,
        },
        "mlflow_get_run" => new() { ["run_id"] = ids.MlflowRunA },
        "mlflow_log_run" => new()
        {
            ["experiment"] = "fuzz-exp", ["run_name"] = "fuzz", ["params"] = new JsonObject { ["a"] = "1" },
            ["metrics"] = new JsonObject { ["m"] = 1.0 }, ["tags"] = new JsonObject { ["t"] = "v" }, ["status"] = "FINISHED",
            ["artifacts"] = null, ["suggestion_id"] = null,
        },
        "analyze_mlflow_runs" => new() { ["experiment"] = ids.Experiment, ["metric"] = "accuracy", ["direction"] = "auto", ["top_runs"] = 2, ["tolerance"] = 0.01 },
        "explain_run_difference" => new() { ["run_a"] = ids.MlflowRunA, ["run_b"] = ids.MlflowRunB, ["metric"] = "accuracy", ["direction"] = "auto" },
        "mlflow_leaderboard" => new() { ["experiment"] = ids.Experiment, ["metric"] = "accuracy", ["direction"] = "auto", ["limit"] = 5 },
        "suggest_hyperparams" => new()
        {
            ["experiment"] = ids.Experiment, ["metric"] = "accuracy", ["direction"] = "auto", ["count"] = 1, ["seed"] = 1, ["space"] = null,
        },
        "analyze_pde_problem" => new() { ["spec"] = ids.PdeSpec.DeepClone() },
        "pinn_train" => new()
        {
            ["spec"] = ids.PdeSpec.DeepClone(),
            ["settings"] = new JsonObject
            {
                ["depth"] = 1, ["width"] = 4, ["activation"] = "tanh", ["hard_boundary"] = true,
                ["interior_points"] = 10, ["boundary_points"] = 10, ["initial_points"] = 10, ["adam_steps"] = 1, ["learning_rate"] = 0.001,
                ["lbfgs_steps"] = 0, ["dtype"] = "float32", ["adaptive_weights"] = false, ["resample_every"] = 0, ["target_loss"] = null,
                ["max_seconds"] = 5, ["log_every"] = 1, ["seed"] = 1,
            },
            ["wait_seconds"] = 0,
        },
        "pinn_status" => new() { ["run_id"] = ids.PinnRun, ["target_loss"] = 0.01 },
        "pinn_evaluate" => new() { ["run_id"] = ids.PinnRun, ["points"] = new JsonArray(new JsonArray(0.5, 0.5)) },
        "pinn_list_runs" => new() { ["problem"] = null, ["limit"] = 5 },
        "predict_convergence" => new()
        {
            // A learning curve given inline (the seeded PINN run logs too few points to fit one): 1/(step+1).
            ["target_loss"] = 0.01, ["run_id"] = null, ["losses"] = new JsonArray(Enumerable.Range(0, 20).Select(i => (JsonNode)(1.0 / (i + 1))).ToArray()),
            ["steps"] = null, ["seconds_per_step"] = 0.01,
        },
        "validate_solution" => new() { ["run_id"] = ids.PinnRun },
        "generate_pipeline" => new()
        {
            ["table"] = ids.Table, ["target"] = "label", ["task"] = "binary", ["time_column"] = null, ["horizon"] = 1, ["folds"] = 2, ["file"] = null,
        },
        "pipeline_compare_models" => new() { ["spec"] = ids.PipelineSpec, ["trainers"] = new JsonArray("fast_tree"), ["experiment"] = "fuzz-exp", ["wait_seconds"] = 0 },
        "evaluate_pipeline_steps" => new() { ["spec"] = ids.PipelineSpec, ["trainer"] = "fast_tree", ["experiment"] = "fuzz-exp", ["wait_seconds"] = 0 },
        "pipeline_tune" => new()
        {
            ["spec"] = ids.PipelineSpec, ["trainer"] = "fast_tree", ["rounds"] = 1, ["max_seconds"] = 60, ["space"] = new JsonObject { ["number_of_trees"] = new JsonArray(5, 10) },
        },
        "pipeline_train" => new()
        {
            ["spec"] = ids.PipelineSpec, ["trainer"] = "fast_tree", ["hyperparameters"] = null, ["suggestion_id"] = null,
            ["experiment"] = "fuzz-exp", ["wait_seconds"] = 0,
        },
        "mlflow_register_model" => new() { ["run_id"] = ids.ModelRun, ["name"] = ids.RegisteredModel, ["approved_run_id"] = ids.ApprovedRun },
        "mlflow_models" => new() { ["name"] = ids.RegisteredModel },
        "mlflow_set_model_alias" => new()
        {
            ["name"] = ids.RegisteredModel, ["version"] = 1, ["alias"] = "challenger", ["stage"] = "Staging", ["archive_existing"] = false,
            ["tag"] = "team=fuzz", ["approved_run_id"] = null,
        },
        "pipeline_predict" => new() { ["model_id"] = ids.Model, ["table"] = ids.Table, ["output_table"] = "fuzz_predictions", ["contributions"] = 2 },
        "pipeline_ensemble" => new() { ["comparison"] = ids.CompareJob, ["top_k"] = 2, ["wait_seconds"] = 0 },
        "pipeline_detect_series_events" => new()
        {
            ["table"] = ids.Table, ["value_column"] = "amount", ["time_column"] = "ts", ["season"] = 0, ["threshold"] = 4.5,
        },
        "workbench_record_run" => new()
        {
            ["title"] = "fuzz", ["output_files"] = new JsonArray(LinkLayout.Metrics), ["summary"] = "RMSE 1.23 on the holdout.",
            ["metrics"] = new JsonObject { ["rmse"] = 1.23 }, ["recommendation"] = null, ["input_files"] = null,
            ["experiment"] = "fuzz-exp", ["kind"] = "external", ["parameters"] = null, ["rerun_of"] = null,
        },
        "workbench_list_runs" => new() { ["experiment"] = null, ["state"] = "REVIEWED", ["limit"] = 5 },
        "workbench_run_card" => new() { ["run_id"] = ids.WorkbenchRun },
        "workbench_review" => new() { ["run_id"] = ids.WorkbenchRun },
        "workbench_request_approval" => new() { ["run_id"] = ids.WorkbenchRun },
        "workbench_decide" => new()
        {
            ["run_id"] = ids.WorkbenchRun, ["decision"] = "approve_with_edits", ["interpretation"] = "RMSE 1.23.", ["feedback"] = null, ["reviewer"] = "fuzz",
        },
        "workbench_compare" => new() { ["experiment"] = WorkspaceSeed.WorkbenchExperiment, ["metrics"] = new JsonArray("rmse"), ["rank_by"] = "rmse" },
        "workbench_report" => new() { ["title"] = "fuzz report", ["experiment"] = WorkspaceSeed.WorkbenchExperiment, ["run_ids"] = null },
        "workbench_audit" => new() { ["action"] = "query", ["run_id"] = null, ["tool"] = null, ["limit"] = 5 },
        _ => null,
    };
}
