namespace McpFlow.Experiments.Tracking.Rest;

// MLflow REST API 2.0 request and response bodies (mlflow/protos/service.proto, snake_case JSON).
// int64 fields accept JSON numbers or strings (protobuf's JSON mapping writes them as strings).
#pragma warning disable CS1591 // Field names mirror MLflow's documented JSON.

public sealed record KeyValueDto(string Key, string? Value);

public sealed record MetricDto(string Key, double Value, long Timestamp, long Step);

public sealed record ExperimentDto(
    string ExperimentId, string Name, string? ArtifactLocation, string? LifecycleStage, long? LastUpdateTime, long? CreationTime, List<KeyValueDto>? Tags);

public sealed record RunInfoDto(
    string? RunId, string? RunUuid, string? RunName, string ExperimentId, string? UserId, string? Status,
    long? StartTime, long? EndTime, string? ArtifactUri, string? LifecycleStage);

public sealed record RunDataDto(List<MetricDto>? Metrics, List<KeyValueDto>? Params, List<KeyValueDto>? Tags);

public sealed record RunDto(RunInfoDto Info, RunDataDto? Data);

public sealed record SearchExperimentsRequest(int MaxResults, string? PageToken, string? Filter, List<string>? OrderBy, string ViewType = "ACTIVE_ONLY");

public sealed record SearchExperimentsResponse(List<ExperimentDto>? Experiments, string? NextPageToken);

public sealed record ExperimentResponse(ExperimentDto Experiment);

public sealed record CreateExperimentRequest(string Name, string? ArtifactLocation = null, List<KeyValueDto>? Tags = null);

public sealed record CreateExperimentResponse(string ExperimentId);

public sealed record SearchRunsRequest(
    List<string> ExperimentIds, string? Filter, string RunViewType, int MaxResults, List<string>? OrderBy, string? PageToken);

public sealed record SearchRunsResponse(List<RunDto>? Runs, string? NextPageToken);

public sealed record RunResponse(RunDto Run);

public sealed record CreateRunRequest(string ExperimentId, string? UserId, string? RunName, long StartTime, List<KeyValueDto>? Tags);

public sealed record UpdateRunRequest(string RunId, string Status, long? EndTime, string? RunName = null);

public sealed record UpdateRunResponse(RunInfoDto? RunInfo);

public sealed record LogBatchRequest(string RunId, List<MetricDto> Metrics, List<KeyValueDto> Params, List<KeyValueDto> Tags);

public sealed record MetricHistoryResponse(List<MetricDto>? Metrics, string? NextPageToken);

public sealed record ModelVersionDto(
    string Name, string Version, string? CurrentStage, string? Status, string? RunId, long? CreationTimestamp,
    long? LastUpdatedTimestamp = null, string? Description = null, string? Source = null, List<KeyValueDto>? Tags = null, List<string>? Aliases = null);

public sealed record RegisteredModelAliasDto(string Alias, string Version);

public sealed record RegisteredModelDto(
    string Name, long? CreationTimestamp, long? LastUpdatedTimestamp, string? Description, List<ModelVersionDto>? LatestVersions, List<KeyValueDto>? Tags,
    List<RegisteredModelAliasDto>? Aliases = null);

public sealed record SearchRegisteredModelsResponse(List<RegisteredModelDto>? RegisteredModels, string? NextPageToken);

public sealed record MlflowErrorDto(string? ErrorCode, string? Message);

public sealed record EmptyResponse;
#pragma warning restore CS1591
