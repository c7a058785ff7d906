namespace McpFlow.Experiments.Registry;

/// <summary>Where a model version came from: its run, experiment, data and spec as the run logged them.</summary>
/// <param name="Version">The version.</param>
/// <param name="RunId">The run that produced it.</param>
/// <param name="RunName">The run's name.</param>
/// <param name="RunStatus">The run's status.</param>
/// <param name="ExperimentId">The run's experiment id.</param>
/// <param name="ExperimentName">The experiment's name, when it can be read.</param>
/// <param name="Tool">The McpFlow tool that logged the run (tag <c>mcpflow.tool</c>), if any.</param>
/// <param name="Table">The data table (param <c>table</c>), if logged.</param>
/// <param name="DataHash">The data's hash (tag <c>mcpflow.data_sha256</c>), if logged.</param>
/// <param name="Spec">The pipeline spec facts logged as params (task, target, split, folds, spec_version, steps).</param>
/// <param name="SpecArtifact">The spec file among the run's artifacts (pipeline_train logs <c>pipeline_spec.json</c>), if any.</param>
/// <param name="ModelId">The saved model's id (tag <c>mcpflow.model_id</c>), if any.</param>
/// <param name="Params">Every param of the run.</param>
/// <param name="Metrics">Latest value of every metric of the run.</param>
public sealed record ModelLineage(
    ModelVersionInfo Version,
    string? RunId,
    string? RunName,
    string? RunStatus,
    string? ExperimentId,
    string? ExperimentName,
    string? Tool,
    string? Table,
    string? DataHash,
    IReadOnlyDictionary<string, string> Spec,
    string? SpecArtifact,
    string? ModelId,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, double> Metrics);
