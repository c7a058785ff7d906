using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.Rest;

namespace McpFlow.Experiments.Registry.Rest;

/// <summary>
/// The model registry of an MLflow server (REST API 2.0, <c>registered-models/*</c> and <c>model-versions/*</c>),
/// through the tracking store's Refit client: same authentication, retries, time limits and error scrubbing
/// (<see cref="MlflowErrors"/>) as every other MLflow call. Names are validated before they are sent.
/// </summary>
public sealed class RestModelRegistry(IMlflowApi api, string uri, TimeSpan totalTimeout) : IModelRegistry
{
    /// <inheritdoc />
    public async Task<RegisteredModelInfo> CreateRegisteredModelAsync(string name, bool existingOk, CancellationToken cancellationToken)
    {
        RegistryNames.RequireModelName(name);
        try
        {
            return ToModel((await Call("registered-models/create", () => api.CreateRegisteredModelAsync(new CreateRegisteredModelRequest(name), cancellationToken), cancellationToken)).RegisteredModel);
        }
        catch (McpFlowException e) when (e.Kind == ErrorKind.Conflict && existingOk)
        {
            return await GetRegisteredModelAsync(name, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<RegisteredModelInfo> GetRegisteredModelAsync(string name, CancellationToken cancellationToken) =>
        ToModel((await Call("registered-models/get", () => api.GetRegisteredModelAsync(RegistryNames.RequireModelName(name), cancellationToken), cancellationToken)).RegisteredModel);

    /// <inheritdoc />
    public async Task<Page<RegisteredModelInfo>> SearchRegisteredModelsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var response = await Call("registered-models/search", () => api.SearchRegisteredModelsAsync(filter, maxResults, pageToken, cancellationToken), cancellationToken);
        return new Page<RegisteredModelInfo>((response.RegisteredModels ?? []).Select(ToModel).ToList(), NullIfEmpty(response.NextPageToken));
    }

    /// <inheritdoc />
    public async Task<ModelVersionInfo> CreateModelVersionAsync(string name, string source, string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var request = new CreateModelVersionRequest(RegistryNames.RequireModelName(name), source, runId,
            tags.Count == 0 ? null : tags.Select(t => new KeyValueDto(RegistryNames.RequireTagKey(t.Key), RegistryNames.RequireTagValue(t.Value))).ToList());
        return ToVersion((await Call("model-versions/create", () => api.CreateModelVersionAsync(request, cancellationToken), cancellationToken)).ModelVersion);
    }

    /// <inheritdoc />
    public async Task<ModelVersionInfo> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken) =>
        ToVersion((await Call("model-versions/get", () => api.GetModelVersionAsync(RegistryNames.RequireModelName(name), Text(version), cancellationToken), cancellationToken)).ModelVersion);

    /// <inheritdoc />
    public async Task<Page<ModelVersionInfo>> SearchModelVersionsAsync(string name, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var filter = $"name='{RegistryNames.RequireModelName(name)}'"; // a valid name holds no quote
        var response = await Call("model-versions/search", () => api.SearchModelVersionsAsync(filter, maxResults, pageToken, cancellationToken), cancellationToken);
        return new Page<ModelVersionInfo>((response.ModelVersions ?? []).Select(ToVersion).ToList(), NullIfEmpty(response.NextPageToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelVersionInfo>> GetLatestVersionsAsync(string name, IReadOnlyList<string> stages, CancellationToken cancellationToken)
    {
        var request = new GetLatestVersionsRequest(RegistryNames.RequireModelName(name), stages.Count == 0 ? null : stages.Select(ModelStages.Canonical).ToList());
        return ((await Call("registered-models/get-latest-versions", () => api.GetLatestVersionsAsync(request, cancellationToken), cancellationToken)).ModelVersions ?? [])
            .Select(ToVersion).ToList();
    }

    /// <inheritdoc />
    public async Task<ModelVersionInfo> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken) =>
        ToVersion((await Call("registered-models/alias", () => api.GetModelVersionByAliasAsync(RegistryNames.RequireModelName(name), RegistryNames.RequireAlias(alias), cancellationToken), cancellationToken)).ModelVersion);

    /// <inheritdoc />
    public Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken) =>
        Call("registered-models/alias", () => api.SetAliasAsync(new SetAliasRequest(RegistryNames.RequireModelName(name), RegistryNames.RequireAlias(alias), Text(version)), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken) =>
        Call("registered-models/alias", () => api.DeleteAliasAsync(RegistryNames.RequireModelName(name), RegistryNames.RequireAlias(alias), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task SetTagAsync(string name, int? version, string key, string value, CancellationToken cancellationToken)
    {
        RegistryNames.RequireModelName(name);
        RegistryNames.RequireTagKey(key);
        RegistryNames.RequireTagValue(value);
        return version is { } v
            ? Call("model-versions/set-tag", () => api.SetModelVersionTagAsync(new SetModelVersionTagRequest(name, Text(v), key, value), cancellationToken), cancellationToken)
            : Call("registered-models/set-tag", () => api.SetRegisteredModelTagAsync(new SetRegisteredModelTagRequest(name, key, value), cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteTagAsync(string name, int? version, string key, CancellationToken cancellationToken)
    {
        RegistryNames.RequireModelName(name);
        RegistryNames.RequireTagKey(key);
        return version is { } v
            ? Call("model-versions/delete-tag", () => api.DeleteModelVersionTagAsync(name, Text(v), key, cancellationToken), cancellationToken)
            : Call("registered-models/delete-tag", () => api.DeleteRegisteredModelTagAsync(name, key, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ModelVersionInfo> TransitionStageAsync(string name, int version, string stage, bool archiveExistingVersions, CancellationToken cancellationToken)
    {
        var request = new TransitionStageRequest(RegistryNames.RequireModelName(name), Text(version), ModelStages.Canonical(stage), archiveExistingVersions);
        return ToVersion((await Call("model-versions/transition-stage", () => api.TransitionStageAsync(request, cancellationToken), cancellationToken)).ModelVersion);
    }

    private Task<T> Call<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken) => MlflowErrors.Call(uri, what, totalTimeout, call, cancellationToken);

    private static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? token) => string.IsNullOrEmpty(token) ? null : token;

    private static RegisteredModelInfo ToModel(RegisteredModelDto m) => new(
        m.Name, m.CreationTimestamp, m.LastUpdatedTimestamp, string.IsNullOrEmpty(m.Description) ? null : m.Description,
        (m.Tags ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        (m.Aliases ?? []).Where(a => int.TryParse(a.Version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .GroupBy(a => a.Alias).ToDictionary(g => g.Key, g => int.Parse(g.Last().Version, CultureInfo.InvariantCulture), StringComparer.Ordinal),
        (m.LatestVersions ?? []).Select(ToVersion).ToList());

    private static ModelVersionInfo ToVersion(ModelVersionDto v) => new(
        v.Name, int.TryParse(v.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0, v.CreationTimestamp, v.LastUpdatedTimestamp,
        string.IsNullOrEmpty(v.CurrentStage) ? ModelStages.None : v.CurrentStage, string.IsNullOrEmpty(v.Description) ? null : v.Description,
        v.Source, string.IsNullOrEmpty(v.RunId) ? null : v.RunId, v.Status ?? "READY",
        (v.Tags ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        v.Aliases ?? []);
}
