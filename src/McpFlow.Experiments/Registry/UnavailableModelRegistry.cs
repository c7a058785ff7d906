using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Registry;

/// <summary>The registry of a backend without one McpFlow can use (the read-only SQLite store): every call refuses
/// with an actionable Unavailable error.</summary>
public sealed class UnavailableModelRegistry(string why) : IModelRegistry
{
    /// <inheritdoc />
    public Task<RegisteredModelInfo> CreateRegisteredModelAsync(string name, bool existingOk, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<RegisteredModelInfo> GetRegisteredModelAsync(string name, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<Page<RegisteredModelInfo>> SearchRegisteredModelsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<ModelVersionInfo> CreateModelVersionAsync(string name, string source, string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<ModelVersionInfo> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<Page<ModelVersionInfo>> SearchModelVersionsAsync(string name, int maxResults, string? pageToken, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersionInfo>> GetLatestVersionsAsync(string name, IReadOnlyList<string> stages, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<ModelVersionInfo> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task SetTagAsync(string name, int? version, string key, string value, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task DeleteTagAsync(string name, int? version, string key, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<ModelVersionInfo> TransitionStageAsync(string name, int version, string stage, bool archiveExistingVersions, CancellationToken cancellationToken) => throw Unavailable();

    private McpFlowException Unavailable() =>
        McpFlowException.Unavailable($"The model registry is not available: {why}.", "Point MLFLOW_TRACKING_URI at an MLflow server (http://host:5000) or a file store folder.");
}
