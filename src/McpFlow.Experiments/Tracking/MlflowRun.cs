namespace McpFlow.Experiments.Tracking;

/// <summary>An MLflow run: its info plus params, latest metric values and tags.</summary>
/// <param name="RunId">32-hex run id.</param>
/// <param name="ExperimentId">Experiment id.</param>
/// <param name="RunName">Run name (empty when none).</param>
/// <param name="Status">MLflow status: RUNNING, SCHEDULED, FINISHED, FAILED or KILLED.</param>
/// <param name="StartTime">Unix milliseconds.</param>
/// <param name="EndTime">Unix milliseconds, when ended.</param>
/// <param name="ArtifactUri">Artifact root.</param>
/// <param name="LifecycleStage"><c>active</c> or <c>deleted</c>.</param>
/// <param name="Params">Parameters (strings, as MLflow stores them).</param>
/// <param name="Metrics">Latest value of each metric (MLflow: highest step, then latest timestamp).</param>
/// <param name="Tags">Tags.</param>
/// <param name="UserId">The run's user_id (RunInfo.user_id, what <c>attributes.user_id</c> filters on), when the store
/// records one.</param>
public sealed record MlflowRun(
    string RunId,
    string ExperimentId,
    string RunName,
    string Status,
    long? StartTime,
    long? EndTime,
    string? ArtifactUri,
    string LifecycleStage,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, MlflowMetric> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    string? UserId = null)
{
    /// <summary>The metric's latest value, or null when the run did not log it.</summary>
    public double? Metric(string key) => Metrics.TryGetValue(key, out var m) ? m.Value : null;

    /// <summary>The state to show: the status, or <c>DELETED (status was FINISHED)</c> for a deleted run (its
    /// lifecycle_stage), since MLflow keeps a deleted run's last status.</summary>
    public string State => LifecycleStage == "deleted" ? $"DELETED (status was {Status})" : Status;

    /// <summary>The run name, or the first 8 characters of the id when unnamed.</summary>
    public string DisplayName => string.IsNullOrEmpty(RunName) ? RunId[..Math.Min(8, RunId.Length)] : RunName;
}
