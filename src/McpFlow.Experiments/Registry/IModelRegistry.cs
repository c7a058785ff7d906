using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Registry;

/// <summary>
/// MLflow's model registry (the operations of mlflow/store/model_registry/abstract_store.py McpFlow uses), over the
/// local file store (<see cref="FileStore.FileModelRegistry"/>) or an MLflow server's REST API
/// (<see cref="Rest.RestModelRegistry"/>). Names, aliases and tag keys are validated by <see cref="RegistryNames"/>
/// before any lookup.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Creates a registered model, or returns the existing one when <paramref name="existingOk"/>.</summary>
    Task<RegisteredModelInfo> CreateRegisteredModelAsync(string name, bool existingOk, CancellationToken cancellationToken);

    /// <summary>A registered model by name, or a not-found error.</summary>
    Task<RegisteredModelInfo> GetRegisteredModelAsync(string name, CancellationToken cancellationToken);

    /// <summary>Registered models matching an MLflow filter (<c>name LIKE '%churn%'</c>, <c>name = 'x'</c>), ordered by name.</summary>
    Task<Page<RegisteredModelInfo>> SearchRegisteredModelsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken);

    /// <summary>Creates the next version of <paramref name="name"/> from <paramref name="source"/> and <paramref name="runId"/>.</summary>
    Task<ModelVersionInfo> CreateModelVersionAsync(string name, string source, string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>A version, or a not-found error.</summary>
    Task<ModelVersionInfo> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken);

    /// <summary>The versions of a model, newest first.</summary>
    Task<Page<ModelVersionInfo>> SearchModelVersionsAsync(string name, int maxResults, string? pageToken, CancellationToken cancellationToken);

    /// <summary>The latest version in each of <paramref name="stages"/> (all stages when empty).</summary>
    Task<IReadOnlyList<ModelVersionInfo>> GetLatestVersionsAsync(string name, IReadOnlyList<string> stages, CancellationToken cancellationToken);

    /// <summary>The version an alias points at, or a not-found error.</summary>
    Task<ModelVersionInfo> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken);

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/> (moving it if it pointed elsewhere).</summary>
    Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken);

    /// <summary>Removes an alias (no error when absent, as MLflow's file store).</summary>
    Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken);

    /// <summary>Sets a tag on the model (<paramref name="version"/> null) or on one version.</summary>
    Task SetTagAsync(string name, int? version, string key, string value, CancellationToken cancellationToken);

    /// <summary>Removes a tag from the model (<paramref name="version"/> null) or from one version.</summary>
    Task DeleteTagAsync(string name, int? version, string key, CancellationToken cancellationToken);

    /// <summary>Moves a version to a stage, archiving the other versions in that stage when asked (only for Staging and Production).</summary>
    Task<ModelVersionInfo> TransitionStageAsync(string name, int version, string stage, bool archiveExistingVersions, CancellationToken cancellationToken);
}
