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

    /// <summary>POST registered-models/create.</summary>
    [Post("/api/2.0/mlflow/registered-models/create")]
    Task<RegisteredModelResponse> CreateRegisteredModelAsync([Body] CreateRegisteredModelRequest request, CancellationToken cancellationToken);

    /// <summary>GET registered-models/get.</summary>
    [Get("/api/2.0/mlflow/registered-models/get")]
    Task<RegisteredModelResponse> GetRegisteredModelAsync([AliasAs("name")] string name, CancellationToken cancellationToken);

    /// <summary>POST registered-models/set-tag.</summary>
    [Post("/api/2.0/mlflow/registered-models/set-tag")]
    Task<EmptyResponse> SetRegisteredModelTagAsync([Body] SetRegisteredModelTagRequest request, CancellationToken cancellationToken);

    /// <summary>DELETE registered-models/delete-tag (query parameters, as MLflow's DELETE handlers read them).</summary>
    [Delete("/api/2.0/mlflow/registered-models/delete-tag")]
    Task<EmptyResponse> DeleteRegisteredModelTagAsync([AliasAs("name")] string name, [AliasAs("key")] string key, CancellationToken cancellationToken);

    /// <summary>POST registered-models/alias.</summary>
    [Post("/api/2.0/mlflow/registered-models/alias")]
    Task<EmptyResponse> SetAliasAsync([Body] SetAliasRequest request, CancellationToken cancellationToken);

    /// <summary>DELETE registered-models/alias.</summary>
    [Delete("/api/2.0/mlflow/registered-models/alias")]
    Task<EmptyResponse> DeleteAliasAsync([AliasAs("name")] string name, [AliasAs("alias")] string alias, CancellationToken cancellationToken);

    /// <summary>GET registered-models/alias: the version an alias points at.</summary>
    [Get("/api/2.0/mlflow/registered-models/alias")]
    Task<ModelVersionResponse> GetModelVersionByAliasAsync([AliasAs("name")] string name, [AliasAs("alias")] string alias, CancellationToken cancellationToken);

    /// <summary>POST registered-models/get-latest-versions.</summary>
    [Post("/api/2.0/mlflow/registered-models/get-latest-versions")]
    Task<GetLatestVersionsResponse> GetLatestVersionsAsync([Body] GetLatestVersionsRequest request, CancellationToken cancellationToken);

    /// <summary>POST model-versions/create.</summary>
    [Post("/api/2.0/mlflow/model-versions/create")]
    Task<ModelVersionResponse> CreateModelVersionAsync([Body] CreateModelVersionRequest request, CancellationToken cancellationToken);

    /// <summary>GET model-versions/get.</summary>
    [Get("/api/2.0/mlflow/model-versions/get")]
    Task<ModelVersionResponse> GetModelVersionAsync([AliasAs("name")] string name, [AliasAs("version")] string version, CancellationToken cancellationToken);

    /// <summary>GET model-versions/search.</summary>
    [Get("/api/2.0/mlflow/model-versions/search")]
    Task<SearchModelVersionsResponse> SearchModelVersionsAsync(
        [AliasAs("filter")] string? filter, [AliasAs("max_results")] int maxResults, [AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);

    /// <summary>POST model-versions/transition-stage.</summary>
    [Post("/api/2.0/mlflow/model-versions/transition-stage")]
    Task<ModelVersionResponse> TransitionStageAsync([Body] TransitionStageRequest request, CancellationToken cancellationToken);

    /// <summary>POST model-versions/set-tag.</summary>
    [Post("/api/2.0/mlflow/model-versions/set-tag")]
    Task<EmptyResponse> SetModelVersionTagAsync([Body] SetModelVersionTagRequest request, CancellationToken cancellationToken);

    /// <summary>DELETE model-versions/delete-tag.</summary>
    [Delete("/api/2.0/mlflow/model-versions/delete-tag")]
    Task<EmptyResponse> DeleteModelVersionTagAsync([AliasAs("name")] string name, [AliasAs("version")] string version, [AliasAs("key")] string key, CancellationToken cancellationToken);

    /// <summary>PUT an artifact through MLflow's artifact proxy (servers started with --serve-artifacts).</summary>
    [Put("/api/2.0/mlflow-artifacts/artifacts/{**path}")]
    Task UploadArtifactAsync(string path, [Body] HttpContent content, CancellationToken cancellationToken);
}
