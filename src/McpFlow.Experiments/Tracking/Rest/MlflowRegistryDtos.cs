namespace McpFlow.Experiments.Tracking.Rest;

// MLflow model registry REST API 2.0 bodies (mlflow/protos/model_registry.proto, snake_case JSON).
#pragma warning disable CS1591 // Field names mirror MLflow's documented JSON.

public sealed record CreateRegisteredModelRequest(string Name, List<KeyValueDto>? Tags = null, string? Description = null);

public sealed record RegisteredModelResponse(RegisteredModelDto RegisteredModel);

public sealed record CreateModelVersionRequest(string Name, string Source, string? RunId, List<KeyValueDto>? Tags = null, string? RunLink = null, string? Description = null);

public sealed record ModelVersionResponse(ModelVersionDto ModelVersion);

public sealed record SearchModelVersionsResponse(List<ModelVersionDto>? ModelVersions, string? NextPageToken);

public sealed record GetLatestVersionsRequest(string Name, List<string>? Stages);

public sealed record GetLatestVersionsResponse(List<ModelVersionDto>? ModelVersions);

public sealed record TransitionStageRequest(string Name, string Version, string Stage, bool ArchiveExistingVersions);

public sealed record SetRegisteredModelTagRequest(string Name, string Key, string Value);

public sealed record SetModelVersionTagRequest(string Name, string Version, string Key, string Value);

public sealed record SetAliasRequest(string Name, string Alias, string Version);
#pragma warning restore CS1591
