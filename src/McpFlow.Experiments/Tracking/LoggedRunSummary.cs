namespace McpFlow.Experiments.Tracking;

/// <summary>The structured result of <c>mlflow_log_run</c> (its declared output schema).</summary>
/// <param name="ExperimentId">Experiment the run was logged in.</param>
/// <param name="RunId">The new run's id.</param>
/// <param name="ArtifactUri">Where its artifacts are stored.</param>
/// <param name="Params">Params logged; absent when none were given.</param>
/// <param name="MetricPoints">Metric values logged (every step of every metric).</param>
/// <param name="Artifacts">Artifact paths logged.</param>
/// <param name="Status">Final status: FINISHED, FAILED or KILLED.</param>
/// <param name="SuggestionId">The suggest_hyperparams suggestion the run used; absent when none.</param>
public sealed record LoggedRunSummary(string ExperimentId, string RunId, string? ArtifactUri, IReadOnlyDictionary<string, string>? Params,
    int MetricPoints, IReadOnlyList<string> Artifacts, string Status, string? SuggestionId);
