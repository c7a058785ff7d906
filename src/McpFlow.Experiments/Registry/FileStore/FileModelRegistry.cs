using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.FileStore;

namespace McpFlow.Experiments.Registry.FileStore;

/// <summary>
/// MLflow's file-based model registry (mlflow/store/model_registry/file_store.py), in the tracking store's folder so
/// <c>mlflow server --backend-store-uri &lt;folder&gt;</c> or <c>MlflowClient(registry_uri=&lt;folder&gt;)</c> sees the
/// same registry: <c>models/&lt;name&gt;/meta.yaml</c> (MODELS_FOLDER_NAME, META_DATA_FILE_NAME), <c>tags/&lt;key&gt;</c>
/// (TAGS_FOLDER_NAME), <c>aliases/&lt;alias&gt;</c> holding the version number (REGISTERED_MODELS_ALIASES_FOLDER_NAME),
/// and <c>version-&lt;n&gt;/meta.yaml</c> with its own <c>tags/</c>. Timestamps are updated where MLflow updates them
/// (a tag, alias or version change touches the registered model's <c>last_updated_timestamp</c>). Names reach the
/// disk only after <see cref="RegistryNames"/> and a check that the folder is a direct child of <c>models/</c>.
/// </summary>
public sealed partial class FileModelRegistry(string trackingRoot, TimeProvider time) : IModelRegistry
{
    /// <summary>MLflow's MODELS_FOLDER_NAME.</summary>
    public const string ModelsFolderName = "models";

    /// <summary>MLflow's META_DATA_FILE_NAME.</summary>
    public const string MetaFileName = "meta.yaml";

    /// <summary>MLflow's TAGS_FOLDER_NAME and MODEL_VERSION_TAGS_FOLDER_NAME.</summary>
    public const string TagsFolderName = "tags";

    /// <summary>MLflow's REGISTERED_MODELS_ALIASES_FOLDER_NAME.</summary>
    public const string AliasesFolderName = "aliases";

    /// <summary>MLflow's ModelVersionStatus.READY, the status of every version the file store creates.</summary>
    public const string StatusReady = "READY";

    /// <summary>MLflow's STAGE_DELETED_INTERNAL: a deleted version's stage (its folder stays).</summary>
    public const string StageDeletedInternal = "Deleted_Internal";

    private readonly Lock _lock = new();

    /// <summary>The <c>models</c> folder.</summary>
    public string ModelsRoot { get; } = Path.Combine(Path.GetFullPath(trackingRoot), ModelsFolderName);

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public Task<RegisteredModelInfo> CreateRegisteredModelAsync(string name, bool existingOk, CancellationToken cancellationToken)
    {
        var folder = ModelFolder(name);
        lock (_lock)
        {
            if (File.Exists(Path.Combine(folder, MetaFileName)))
                return existingOk ? Task.FromResult(ReadModel(folder)) : throw McpFlowException.Conflict($"Registered Model (name={name}) already exists.");
            Directory.CreateDirectory(folder);
            var now = Now;
            WriteModelMeta(folder, name, now, now, null); // create_registered_model: creation == last update, description None
            return Task.FromResult(ReadModel(folder));
        }
    }

    /// <inheritdoc />
    public Task<RegisteredModelInfo> GetRegisteredModelAsync(string name, CancellationToken cancellationToken) => Task.FromResult(ReadModel(ExistingModelFolder(name)));

    /// <inheritdoc />
    public Task<Page<RegisteredModelInfo>> SearchRegisteredModelsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var match = ExperimentFilter.NameMatcher(filter, "registered model");
        var all = (Directory.Exists(ModelsRoot) ? Directory.EnumerateDirectories(ModelsRoot) : [])
            .Where(d => File.Exists(Path.Combine(d, MetaFileName)))
            .Select(ReadModel)
            .Where(m => match(m.Name))
            .OrderBy(m => m.Name, StringComparer.Ordinal) // SearchModelUtils' default order: name ASC
            .ToList();
        return Task.FromResult(Paged(all, maxResults, pageToken));
    }

    /// <inheritdoc />
    public Task<ModelVersionInfo> CreateModelVersionAsync(string name, string source, string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var folder = ExistingModelFolder(name);
        lock (_lock)
        {
            var now = Now;
            var model = ReadModelMeta(folder);
            WriteModelMeta(folder, name, model.Created, now, model.Description);
            var version = Versions(folder).Select(v => v.Version).DefaultIfEmpty(0).Max() + 1; // next_version: max + 1, from 1
            var versionFolder = Path.Combine(folder, VersionFolderName(version));
            Directory.CreateDirectory(versionFolder);
            WriteVersionMeta(versionFolder, new VersionMeta(name, version, now, now, ModelStages.None, null, source, runId, source), []);
            foreach (var (key, value) in tags)
                WriteTag(versionFolder, key, value);
            if (tags.Count > 0)
                WriteModelMeta(folder, name, model.Created, Now, model.Description);
            return Task.FromResult(ReadVersion(versionFolder));
        }
    }

    /// <inheritdoc />
    public Task<ModelVersionInfo> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken) =>
        Task.FromResult(ReadVersion(ExistingVersionFolder(name, version)));

    /// <inheritdoc />
    public Task<Page<ModelVersionInfo>> SearchModelVersionsAsync(string name, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        // search_model_versions' default order: last_updated_timestamp DESC, name ASC, version_number DESC.
        var all = Versions(ExistingModelFolder(name)).OrderByDescending(v => v.LastUpdatedTimestamp).ThenByDescending(v => v.Version).ToList();
        return Task.FromResult(Paged(all, maxResults, pageToken));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersionInfo>> GetLatestVersionsAsync(string name, IReadOnlyList<string> stages, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ModelVersionInfo>>(LatestVersions(ExistingModelFolder(name), stages));

    /// <inheritdoc />
    public async Task<ModelVersionInfo> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken)
    {
        var file = AliasFile(name, alias);
        if (!File.Exists(file))
            throw McpFlowException.NotFound($"Registered model alias {alias} not found.", $"mlflow_models name=\"{name}\" lists the model's aliases.");
        var text = await File.ReadAllTextAsync(file, cancellationToken);
        return ReadVersion(ExistingVersionFolder(name, RegistryNames.RequireVersion(text.Trim(), "alias file")));
    }

    /// <inheritdoc />
    public Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken)
    {
        var file = AliasFile(name, alias);
        ExistingVersionFolder(name, version);
        lock (_lock)
        {
            WriteText(file, version.ToString(CultureInfo.InvariantCulture)); // set_registered_model_alias: write_to(alias_path, str(version))
            TouchModel(name);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken)
    {
        var file = AliasFile(name, alias);
        lock (_lock)
        {
            if (File.Exists(file))
            {
                File.Delete(file);
                TouchModel(name);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetTagAsync(string name, int? version, string key, string value, CancellationToken cancellationToken)
    {
        var folder = version is { } v ? ExistingVersionFolder(name, v) : ExistingModelFolder(name);
        lock (_lock)
        {
            WriteTag(folder, RegistryNames.RequireTagKey(key), RegistryNames.RequireTagValue(value));
            TouchModel(name); // set_model_version_tag also updates the registered model's timestamp, not the version's
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteTagAsync(string name, int? version, string key, CancellationToken cancellationToken)
    {
        var folder = version is { } v ? ExistingVersionFolder(name, v) : ExistingModelFolder(name);
        var file = Path.Combine(folder, TagsFolderName, RegistryNames.RequireTagKey(key));
        lock (_lock)
        {
            if (File.Exists(file))
            {
                File.Delete(file);
                TouchModel(name);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ModelVersionInfo> TransitionStageAsync(string name, int version, string stage, bool archiveExistingVersions, CancellationToken cancellationToken)
    {
        var canonical = ModelStages.Canonical(stage);
        if (archiveExistingVersions && !ModelStages.Active.Contains(canonical))
            throw McpFlowException.Invalid($"Model version transition cannot archive existing model versions because '{canonical}' is not an Active stage.",
                $"Valid stages are {string.Join(", ", ModelStages.Active)}; pass archive_existing=false for {canonical}.");
        var target = ExistingVersionFolder(name, version);
        lock (_lock)
        {
            var now = Now;
            if (archiveExistingVersions)
            {
                foreach (var other in VersionFolders(ExistingModelFolder(name)))
                {
                    var meta = ReadVersionMeta(other);
                    if (meta.Version != version && meta.Stage == canonical)
                        WriteVersionMeta(other, meta with { Stage = ModelStages.Archived, Updated = now }, AliasesOf(name, meta.Version));
                }
            }

            WriteVersionMeta(target, ReadVersionMeta(target) with { Stage = canonical, Updated = now }, AliasesOf(name, version));
            TouchModel(name, now);
            return Task.FromResult(ReadVersion(target));
        }
    }
}
