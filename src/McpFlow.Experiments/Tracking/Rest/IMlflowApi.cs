using Refit;

namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>The MLflow tracking REST API 2.0 endpoints McpFlow uses (Refit interface).</summary>
public interface IMlflowApi
{
    /// <summary>POST experiments/search.</summary>
    [Post("/api/2.0/mlflow/experiments/search")]
    Task<SearchExperimentsResponse> SearchExperimentsAsync([Body] SearchExperimentsRequest request, CancellationToken cancellationToken);

    /// <summary>GET experiments/get.</summary>
    [Get("/api/2.0/mlflow/experiments/get")]
    Task<ExperimentResponse> GetExperimentAsync([AliasAs("experiment_id")] string experimentId, CancellationToken cancellationToken);

    /// <summary>GET experiments/get-by-name.</summary>
    [Get("/api/2.0/mlflow/experiments/get-by-name")]
    Task<ExperimentResponse> GetExperimentByNameAsync([AliasAs("experiment_name")] string experimentName, CancellationToken cancellationToken);

    /// <summary>POST experiments/create.</summary>
    [Post("/api/2.0/mlflow/experiments/create")]
    Task<CreateExperimentResponse> CreateExperimentAsync([Body] CreateExperimentRequest request, CancellationToken cancellationToken);

    /// <summary>POST runs/search.</summary>
    [Post("/api/2.0/mlflow/runs/search")]
    Task<SearchRunsResponse> SearchRunsAsync([Body] SearchRunsRequest request, CancellationToken cancellationToken);

    /// <summary>GET runs/get.</summary>
    [Get("/api/2.0/mlflow/runs/get")]
    Task<RunResponse> GetRunAsync([AliasAs("run_id")] string runId, CancellationToken cancellationToken);

    /// <summary>POST runs/create.</summary>
    [Post("/api/2.0/mlflow/runs/create")]
    Task<RunResponse> CreateRunAsync([Body] CreateRunRequest request, CancellationToken cancellationToken);

    /// <summary>POST runs/update.</summary>
    [Post("/api/2.0/mlflow/runs/update")]
    Task<UpdateRunResponse> UpdateRunAsync([Body] UpdateRunRequest request, CancellationToken cancellationToken);

    /// <summary>POST runs/log-batch.</summary>
    [Post("/api/2.0/mlflow/runs/log-batch")]
    Task<EmptyResponse> LogBatchAsync([Body] LogBatchRequest request, CancellationToken cancellationToken);

    /// <summary>GET metrics/get-history (paginated).</summary>
    [Get("/api/2.0/mlflow/metrics/get-history")]
    Task<MetricHistoryResponse> GetMetricHistoryAsync(
        [AliasAs("run_id")] string runId, [AliasAs("metric_key")] string metricKey,
        [AliasAs("max_results")] int maxResults, [AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);

    /// <summary>GET registered-models/search.</summary>
    [Get("/api/2.0/mlflow/registered-models/search")]
    Task<SearchRegisteredModelsResponse> SearchRegisteredModelsAsync(
        [AliasAs("filter")] string? filter, [AliasAs("max_results")] int maxResults, [AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);

    /// <summary>PUT an artifact through MLflow's artifact proxy (servers started with --serve-artifacts).</summary>
    [Put("/api/2.0/mlflow-artifacts/artifacts/{**path}")]
    Task UploadArtifactAsync(string path, [Body] HttpContent content, CancellationToken cancellationToken);
}
