namespace McpFlow.Experiments.Tracking;

/// <summary>The read side of a tracking backend (file store, MLflow REST, MLflow SQLite).</summary>
public interface ITrackingReader
{
    /// <summary>Human-readable location, without secrets, e.g. <c>http://mlflow:5000</c>.</summary>
    string Location { get; }

    /// <summary>Experiments (active ones), optionally filtered with MLflow's experiment filter (<c>name LIKE '%x%'</c>, <c>name = 'x'</c>).</summary>
    Task<Page<MlflowExperiment>> SearchExperimentsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken);

    /// <summary>An experiment by id, or throws not-found.</summary>
    Task<MlflowExperiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>An experiment by name, or null.</summary>
    Task<MlflowExperiment?> FindExperimentByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Runs matching a search.</summary>
    Task<Page<MlflowRun>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken);

    /// <summary>A run by id, or throws not-found.</summary>
    Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Every logged value of a metric of a run, ordered by step then timestamp.</summary>
    Task<IReadOnlyList<MlflowMetric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken);
}
