using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Search;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>
/// MLflow's local file store, read and written in MLflow's own layout so <c>mlflow ui --backend-store-uri</c>
/// opens what it writes: <c>&lt;root&gt;/&lt;experiment_id&gt;/meta.yaml</c>, <c>&lt;run_id&gt;/meta.yaml</c>,
/// <c>params/&lt;key&gt;</c>, <c>metrics/&lt;key&gt;</c> (lines <c>timestamp value step</c>), <c>tags/&lt;key&gt;</c>,
/// <c>artifacts/</c>. Experiment 0 "Default" is created on first use, as MLflow does. Experiment and run ids become
/// folder names only through <see cref="WorkspaceIds.ChildFolder"/> (strict shape, direct child of its parent), and
/// param, metric and tag names only after <see cref="TrackingKeys.Validate"/> plus a check that the file stays inside
/// its run folder, so no argument reads or writes outside the store's root.
/// </summary>
public sealed partial class FileTrackingStore : ITrackingStore
{
    /// <summary>MLflow's default experiment id and name.</summary>
    public const string DefaultExperimentId = "0";

    private readonly object _writeLock = new();
    private readonly TimeProvider _time;

    /// <summary>Opens (without creating anything yet) a store rooted at <paramref name="root"/>.</summary>
    public FileTrackingStore(string root, TimeProvider time)
    {
        Root = Path.GetFullPath(root);
        _time = time;
        Registry = new Registry.FileStore.FileModelRegistry(Root, time);
    }

    /// <inheritdoc />
    public Registry.IModelRegistry Registry { get; }

    /// <summary>The store's folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Kind => "file";

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public string Location => Root;

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public Task<Page<MlflowExperiment>> SearchExperimentsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        EnsureDefaultExperiment();
        var match = ExperimentFilter.Parse(filter);
        var all = ExperimentFolders().Select(ReadExperiment).Where(e => e is not null && match(e)).Cast<MlflowExperiment>()
            .OrderBy(e => long.TryParse(e.ExperimentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue)
            .ThenBy(e => e.ExperimentId, StringComparer.Ordinal).ToList();
        var offset = InMemoryRunSearch.DecodeToken(pageToken);
        var page = all.Skip(offset).Take(Math.Max(1, maxResults)).ToList();
        var next = offset + page.Count < all.Count ? InMemoryRunSearch.EncodeToken(offset + page.Count) : null;
        return Task.FromResult(new Page<MlflowExperiment>(page, next));
    }

    /// <inheritdoc />
    public Task<MlflowExperiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        EnsureDefaultExperiment();
        var folder = ExperimentFolder(experimentId);
        return Task.FromResult(ReadExperiment(folder) ?? throw ExperimentNotFound(experimentId));
    }

    /// <inheritdoc />
    public Task<MlflowExperiment?> FindExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        EnsureDefaultExperiment();
        return Task.FromResult(ExperimentFolders().Select(ReadExperiment).FirstOrDefault(e => e?.Name == name));
    }

    /// <inheritdoc />
    public Task<Page<MlflowRun>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken)
    {
        var runs = new List<MlflowRun>();
        foreach (var experimentId in request.ExperimentIds)
        {
            var folder = ExperimentFolder(experimentId);
            if (!File.Exists(Path.Combine(folder, "meta.yaml")))
                throw ExperimentNotFound(experimentId);
            foreach (var runFolder in Directory.EnumerateDirectories(folder))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (File.Exists(Path.Combine(runFolder, "meta.yaml")) && ReadRun(runFolder) is { LifecycleStage: "active" } run)
                    runs.Add(run);
            }
        }

        return Task.FromResult(InMemoryRunSearch.Apply(runs, request));
    }

    /// <inheritdoc />
    public Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult(ReadRun(RunFolder(runId)) ?? throw RunNotFound(runId));

    /// <inheritdoc />
    public Task<IReadOnlyList<MlflowMetric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken)
    {
        TrackingKeys.Validate(metricKey, "metric");
        var file = Inside(RunFolder(runId), Path.Combine("metrics", metricKey));
        if (!File.Exists(file))
            return Task.FromResult<IReadOnlyList<MlflowMetric>>([]);
        IReadOnlyList<MlflowMetric> history = ReadMetricFile(metricKey, file).OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ToList();
        return Task.FromResult(history);
    }

    internal string RunFolder(string runId)
    {
        TrackingKeys.RequireRunId(runId);
        if (Directory.Exists(Root))
        {
            foreach (var experiment in ExperimentFolders())
            {
                var candidate = WorkspaceIds.ChildFolder(experiment, IdKind.MlflowRun, runId, "run_id");
                if (File.Exists(Path.Combine(candidate, "meta.yaml")))
                    return candidate;
            }
        }

        throw RunNotFound(runId);
    }

    /// <summary>The file <paramref name="relative"/> under <paramref name="folder"/>, refused if it would lie elsewhere.</summary>
    internal static string Inside(string folder, string relative)
    {
        var parent = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var full = Path.GetFullPath(Path.Combine(parent, relative));
        if (!full.StartsWith(parent + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw McpFlowException.Forbidden("A tracking name would lead outside its run folder.", "Use plain names such as 'val_loss' or 'train/loss'.");
        return full;
    }

    private IEnumerable<string> ExperimentFolders() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, "meta.yaml")))
            : [];

    private string ExperimentFolder(string experimentId) => WorkspaceIds.ChildFolder(Root, IdKind.MlflowExperiment, experimentId, "experiment_id");

    private static MlflowExperiment? ReadExperiment(string folder)
    {
        var metaPath = Path.Combine(folder, "meta.yaml");
        if (!File.Exists(metaPath))
            return null;
        var meta = MetaYaml.Read(metaPath);
        var stage = MetaYaml.String(meta, "lifecycle_stage") ?? "active";
        return new MlflowExperiment(
            MetaYaml.String(meta, "experiment_id") ?? Path.GetFileName(folder),
            MetaYaml.String(meta, "name") ?? Path.GetFileName(folder),
            MetaYaml.String(meta, "artifact_location"),
            stage,
            MetaYaml.Long(meta, "creation_time"),
            MetaYaml.Long(meta, "last_update_time"),
            ReadKeyValueFolder(Path.Combine(folder, "tags")));
    }

    private static MlflowRun? ReadRun(string folder)
    {
        var metaPath = Path.Combine(folder, "meta.yaml");
        if (!File.Exists(metaPath))
            return null;
        var meta = MetaYaml.Read(metaPath);
        var runId = MetaYaml.String(meta, "run_id") ?? MetaYaml.String(meta, "run_uuid") ?? Path.GetFileName(folder);
        var tags = ReadKeyValueFolder(Path.Combine(folder, "tags"));
        var statusText = MetaYaml.String(meta, "status");
        var status = int.TryParse(statusText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? RunStatuses.FromCode(code)
            : statusText?.ToUpperInvariant() ?? "RUNNING";
        var metrics = new Dictionary<string, MlflowMetric>(StringComparer.Ordinal);
        var metricsFolder = Path.Combine(folder, "metrics");
        if (Directory.Exists(metricsFolder))
        {
            foreach (var file in Directory.EnumerateFiles(metricsFolder, "*", SearchOption.AllDirectories))
            {
                var key = Path.GetRelativePath(metricsFolder, file).Replace(Path.DirectorySeparatorChar, '/');
                var latest = ReadMetricFile(key, file).OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ThenBy(m => m.Value).LastOrDefault();
                if (latest is not null)
                    metrics[key] = latest;
            }
        }

        return new MlflowRun(
            runId,
            MetaYaml.String(meta, "experiment_id") ?? Path.GetFileName(Path.GetDirectoryName(folder))!,
            MetaYaml.String(meta, "run_name") ?? tags.GetValueOrDefault(TrackingTags.RunName) ?? "",
            status,
            MetaYaml.Long(meta, "start_time"),
            MetaYaml.Long(meta, "end_time"),
            MetaYaml.String(meta, "artifact_uri"),
            MetaYaml.String(meta, "lifecycle_stage") ?? "active",
            ReadKeyValueFolder(Path.Combine(folder, "params")),
            metrics,
            tags,
            MetaYaml.String(meta, "user_id"));
    }

    private static IEnumerable<MlflowMetric> ReadMetricFile(string key, string file) =>
        File.ReadLines(file).Where(l => l.Length > 0).Select(l => MetricLine.Parse(key, l)).OfType<MlflowMetric>();

    private static Dictionary<string, string> ReadKeyValueFolder(string folder)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
            return values;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            values[Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllText(file);
        return values;
    }

    private static McpFlowException ExperimentNotFound(string id) => McpFlowException.NotFound(
        $"Experiment '{id}' does not exist in the tracking store.", "Call mlflow_list_experiments to see the experiments and their ids.");

    private static McpFlowException RunNotFound(string id) => McpFlowException.NotFound(
        $"Run '{id}' does not exist in the tracking store.", "Call mlflow_search_runs to list the runs of an experiment.");
}
