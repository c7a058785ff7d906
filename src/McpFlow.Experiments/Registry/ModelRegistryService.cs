using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Registry;

/// <summary>Registry work that spans runs and versions: registering a run's model, a version's lineage, and resolving
/// <c>models:/</c> URIs (the <see cref="IModelResolver"/> other groups use).</summary>
public sealed class ModelRegistryService(ITrackingStore store) : IModelResolver
{
    private static readonly string[] SpecParams = ["task", "target", "split", "folds", "spec_version", "steps", "trainer"];

    /// <summary>The backend's registry.</summary>
    public IModelRegistry Registry => store.Registry;

    /// <summary>Registers the model of run <paramref name="runId"/> as the next version of <paramref name="name"/>
    /// (creating the registered model when it does not exist, as <c>mlflow.register_model</c> does).</summary>
    public async Task<ModelVersionInfo> RegisterAsync(string runId, string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        TrackingKeys.RequireRunId(runId);
        RegistryNames.RequireModelName(name);
        foreach (var (key, value) in tags)
        {
            RegistryNames.RequireTagKey(key);
            RegistryNames.RequireTagValue(value);
        }

        var run = await store.GetRunAsync(runId, cancellationToken);
        if (run.LifecycleStage == "deleted")
            throw McpFlowException.Invalid($"Run {runId} is deleted.", "Restore it in MLflow, or register another run.");
        var source = RunModelSource.Find(run);
        await store.Registry.CreateRegisteredModelAsync(name, existingOk: true, cancellationToken);
        return await store.Registry.CreateModelVersionAsync(name, source, run.RunId, tags, cancellationToken);
    }

    /// <summary>The lineage of a version: its run, experiment, params, metrics, and data and spec as logged.</summary>
    public async Task<ModelLineage> LineageAsync(ModelVersionInfo version, CancellationToken cancellationToken)
    {
        if (version.RunId is null || !Core.Ids.WorkspaceIds.IsValid(Core.Ids.IdKind.MlflowRun, version.RunId))
            return new ModelLineage(version, version.RunId, null, null, null, null, null, null, null, new Dictionary<string, string>(), null, null,
                new Dictionary<string, string>(), new Dictionary<string, double>());
        var run = await store.GetRunAsync(version.RunId, cancellationToken);
        string? experimentName = null;
        try
        {
            experimentName = (await store.GetExperimentAsync(run.ExperimentId, cancellationToken)).Name;
        }
        catch (McpFlowException e) when (e.Kind == ErrorKind.NotFound)
        {
            // A run whose experiment was removed still has a lineage.
        }

        var tool = run.Tags.GetValueOrDefault(TrackingTags.Tool);
        var spec = SpecParams.Where(run.Params.ContainsKey).ToDictionary(k => k, k => run.Params[k], StringComparer.Ordinal);
        var specArtifact = tool == "pipeline_train" && version.Source is { } source ? source.TrimEnd('/') + "/pipeline_spec.json" : null;
        return new ModelLineage(version, run.RunId, run.RunName, run.Status, run.ExperimentId, experimentName, tool,
            run.Params.GetValueOrDefault("table"), run.Tags.GetValueOrDefault(TrackingTags.DataHash), spec, specArtifact,
            run.Tags.GetValueOrDefault(RunModelSource.ModelIdTag), run.Params,
            run.Metrics.ToDictionary(m => m.Key, m => m.Value.Value, StringComparer.Ordinal));
    }

    /// <summary>The version a <c>models:/</c> URI names.</summary>
    public async Task<ModelVersionInfo> FindAsync(ModelUri uri, CancellationToken cancellationToken)
    {
        if (uri.Version is { } v)
            return await store.Registry.GetModelVersionAsync(uri.Name, v, cancellationToken);
        if (uri.Alias is { } alias)
            return await store.Registry.GetModelVersionByAliasAsync(uri.Name, alias, cancellationToken);
        var latest = await store.Registry.GetLatestVersionsAsync(uri.Name, uri.Stage == "latest" ? [] : [uri.Stage!], cancellationToken);
        return latest.MaxBy(x => x.Version)
            ?? throw McpFlowException.NotFound($"Registered model '{uri.Name}' has no version in stage {uri.Stage}.", $"mlflow_models name=\"{uri.Name}\" lists its versions and stages.");
    }

    /// <inheritdoc />
    public async Task<ResolvedModel> ResolveAsync(string modelUri, string parameter, CancellationToken cancellationToken)
    {
        var uri = ModelUri.Parse(modelUri, parameter);
        var version = await FindAsync(uri, cancellationToken);
        var tags = version.RunId is { } runId && Core.Ids.WorkspaceIds.IsValid(Core.Ids.IdKind.MlflowRun, runId)
            ? (await store.GetRunAsync(runId, cancellationToken)).Tags
            : new Dictionary<string, string>();
        return new ResolvedModel(modelUri, version.Name, version.Version, version.RunId, version.Source, tags);
    }
}
