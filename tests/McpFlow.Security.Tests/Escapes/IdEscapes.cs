using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Fuzz;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Ids used as paths (issue 11: pinn_status, pinn_evaluate, validate_solution and physics://runs/{id} read any folder):
/// every parameter and resource variable that takes a run, job, experiment, spec, model, suggestion or report id gets
/// absolute folders, '..' climbs (plain, after a valid id, percent-encoded, with backslashes), NUL, globs and home.
/// </summary>
internal static class IdEscapes
{
    /// <summary>Every id-taking tool parameter and resource template, with where its records live and its fake.</summary>
    public static IReadOnlyList<IdTarget> Targets(SandboxFolders s, SeedIds ids, FakeRecords fakes)
    {
        var ws = s.Workspace;
        var pinns = Path.Combine(ws, "physics", "runs");
        var runs = Path.Combine(ws, "runs");
        var jobs = Path.Combine(ws, "jobs");
        var mlruns = Path.Combine(ws, "mlruns");
        var experiment = Path.Combine(mlruns, ids.ExperimentId);
        var specs = Path.Combine(ws, "pipelines", "specs");
        var models = Path.Combine(ws, "pipelines", "models");
        var suggestions = Path.Combine(ws, "suggestions");
        var reports = Path.Combine(ws, "reports");
        var comparisons = Path.Combine(ws, "comparisons");
        var registered = Path.Combine(mlruns, "models");
        return
        [
            new("pinn_status.run_id", pinns, ids.PinnRun, fakes.PinnRun), new("pinn_evaluate.run_id", pinns, ids.PinnRun, fakes.PinnRun),
            new("validate_solution.run_id", pinns, ids.PinnRun, fakes.PinnRun), new("predict_convergence.run_id", pinns, ids.PinnRun, fakes.PinnRun),
            new("physics://runs/{run_id}", pinns, ids.PinnRun, fakes.PinnRun),
            new("workbench_run_card.run_id", runs, ids.WorkbenchRun, fakes.WorkbenchRun), new("workbench_review.run_id", runs, ids.WorkbenchRun, fakes.WorkbenchRun),
            new("workbench_request_approval.run_id", runs, ids.WorkbenchRun, fakes.WorkbenchRun), new("workbench_decide.run_id", runs, ids.WorkbenchRun, fakes.WorkbenchRun),
            new("workbench_record_run.rerun_of", runs, ids.WorkbenchRun, fakes.WorkbenchRun), new("workbench_report.run_ids", runs, ids.WorkbenchRun, fakes.WorkbenchRun),
            new("workbench_audit.run_id", runs, ids.WorkbenchRun, fakes.WorkbenchRun), new("data_export.run_id", runs, ids.WorkbenchRun, fakes.WorkbenchRun),
            new("mcpflow://workbench/runs/{run_id}/card", runs, ids.WorkbenchRun, fakes.WorkbenchRun),
            new("job_status.job_id", jobs, ids.PinnJob, fakes.Job), new("job_cancel.job_id", jobs, ids.PinnJob, fakes.Job),
            new("mcpflow://jobs/{job_id}", jobs, ids.PinnJob, fakes.Job),
            new("pipeline_ensemble.comparison", jobs, ids.CompareJob, fakes.Job),
            new("mlflow_get_run.run_id", experiment, ids.MlflowRunA, fakes.MlflowRun), new("explain_run_difference.run_a", experiment, ids.MlflowRunA, fakes.MlflowRun),
            new("explain_run_difference.run_b", experiment, ids.MlflowRunB, fakes.MlflowRun), new("mlflow://runs/{run_id}", experiment, ids.MlflowRunA, fakes.MlflowRun),
            new("mlflow_search_runs.experiment", mlruns, ids.ExperimentId, fakes.Experiment), new("analyze_mlflow_runs.experiment", mlruns, ids.ExperimentId, fakes.Experiment),
            new("mlflow_leaderboard.experiment", mlruns, ids.ExperimentId, fakes.Experiment), new("suggest_hyperparams.experiment", mlruns, ids.ExperimentId, fakes.Experiment),
            new("mlflow://experiments/{experiment}/runs", mlruns, ids.ExperimentId, fakes.Experiment),
            new("mlflow://leaderboard/{experiment}/{metric}", mlruns, ids.ExperimentId, fakes.Experiment),
            new("mlflow_log_run.suggestion_id", suggestions, ids.Suggestion, fakes.SuggestionFile, ".json"),
            new("pipeline_train.suggestion_id", suggestions, ids.Suggestion, fakes.SuggestionFile, ".json"),
            new("pipeline_compare_models.spec", specs, ids.PipelineSpec, fakes.SpecFile, ".json"), new("evaluate_pipeline_steps.spec", specs, ids.PipelineSpec, fakes.SpecFile, ".json"),
            new("pipeline_train.spec", specs, ids.PipelineSpec, fakes.SpecFile, ".json"), new("pipeline_predict.model_id", models, ids.Model, fakes.Model),
            new("pipeline_tune.spec", specs, ids.PipelineSpec, fakes.SpecFile, ".json"),
            // spec also takes a tune id (to resume). No tuning is seeded (a round costs a training); a well-formed id is
            // enough to build the climbs from.
            new("pipeline_tune.spec", Path.Combine(ws, "tunes"), "tune-20261203-101500-ab12cd", fakes.Job),
            new("data_apply_transformation.suggestion_id", ws, ids.TransformSuggestion, fakes.Report),
            new("mcpflow://data/reports/{name}", reports, ids.Report, fakes.Report),
            new("mlflow_register_model.run_id", experiment, ids.MlflowRunA, fakes.MlflowRun),
            new("mlflow_register_model.name", registered, ids.RegisteredModel, fakes.RegisteredModel),
            new("mlflow_models.name", registered, ids.RegisteredModel, fakes.RegisteredModel),
            new("mlflow_set_model_alias.name", registered, ids.RegisteredModel, fakes.RegisteredModel),
            new("mcpflow://workbench/comparisons/{experiment}", comparisons, WorkspaceSeed.WorkbenchExperiment, fakes.Comparison),
        ];
    }

    /// <summary>Every id attempt: tool parameters with the tool's baseline around them; resources raw and percent-encoded.</summary>
    public static IEnumerable<EscapeAttempt> All(SandboxFolders s, SeedIds ids, FakeRecords fakes)
    {
        foreach (var target in Targets(s, ids, fakes))
        {
            foreach (var (label, value) in target.HostileValues())
            {
                if (target.Target.Contains("://", StringComparison.Ordinal))
                {
                    // A bare "." or ".." segment is resolved by URI rules before the server sees it (physics://runs/.. is
                    // physics://runs, the list): answered, harmlessly; only its effect is checked.
                    var dotSegment = value is "." or "..";
                    yield return EscapeAttempt.Read(target.Target, label, Fill(target.Target, value)) with { MustRefuse = !dotSegment };
                    yield return EscapeAttempt.Read(target.Target, label + " (URI-escaped)", Fill(target.Target, Uri.EscapeDataString(value))) with { MustRefuse = !dotSegment };
                    continue;
                }

                var (tool, parameter) = Split(target.Target);
                var arguments = Baselines.For(tool, ids)!;
                arguments[parameter] = parameter == "run_ids" ? new JsonArray(value) : value;
                if (arguments.ContainsKey("wait_seconds"))
                    arguments["wait_seconds"] = 45; // A job started on the id then ends inside this attempt.
                if (tool == "predict_convergence")
                    arguments["losses"] = null;
                if (tool == "workbench_decide")
                {
                    arguments["decision"] = "reject";
                    arguments["feedback"] = "redteam";
                }

                // data_export's run_id is read only when exports are gated (they are not here): checked for effect only.
                yield return EscapeAttempt.Call(tool, parameter, label, arguments) with { MustRefuse = target.Target != "data_export.run_id" };
            }
        }
    }

    /// <summary>A template with its (first) variable filled in; mlflow://leaderboard's metric stays "accuracy".</summary>
    private static string Fill(string template, string value)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        var close = template.IndexOf('}', open);
        return (template[..open] + value + template[(close + 1)..]).Replace("{metric}", "accuracy", StringComparison.Ordinal);
    }

    private static (string Tool, string Parameter) Split(string target)
    {
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        return (target[..dot], target[(dot + 1)..]);
    }
}
