using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>The write side of the file store (MLflow's FileStore semantics: params immutable, tags mutable,
/// metric files appended).</summary>
public sealed partial class FileTrackingStore
{
    /// <summary>MLflow's SourceType.LOCAL code, written in run meta.yaml.</summary>
    private const int SourceTypeLocal = 4;

    /// <inheritdoc />
    public async Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw McpFlowException.Invalid("Experiment name is empty.", "Give a name such as 'churn-model'.");
        var existing = await FindExperimentByNameAsync(name, cancellationToken);
        if (existing is not null)
            return existing.ExperimentId;
        lock (_writeLock)
        {
            var again = ExperimentFolders().Select(ReadExperiment).FirstOrDefault(e => e?.Name == name);
            if (again is not null)
                return again.ExperimentId;
            var next = ExperimentFolders()
                .Select(d => long.TryParse(Path.GetFileName(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .DefaultIfEmpty(0).Max() + 1;
            var id = next.ToString(CultureInfo.InvariantCulture);
            CreateExperiment(id, name);
            return id;
        }
    }

    /// <inheritdoc />
    public Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        EnsureDefaultExperiment();
        var experimentFolder = ExperimentFolder(experimentId);
        if (ReadExperiment(experimentFolder) is not { LifecycleStage: "active" })
            throw ExperimentNotFound(experimentId);
        var runId = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(experimentFolder, runId);
        var artifacts = Path.Combine(folder, "artifacts");
        Directory.CreateDirectory(artifacts);
        foreach (var sub in new[] { "params", "metrics", "tags" })
            Directory.CreateDirectory(Path.Combine(folder, sub));
        var artifactUri = new Uri(artifacts).AbsoluteUri;
        MetaYaml.Write(Path.Combine(folder, "meta.yaml"), new Dictionary<string, object?>
        {
            ["artifact_uri"] = artifactUri,
            ["end_time"] = null,
            ["entry_point_name"] = "",
            ["experiment_id"] = experimentId,
            ["lifecycle_stage"] = "active",
            ["run_id"] = runId,
            ["run_name"] = runName,
            ["run_uuid"] = runId,
            ["source_name"] = "",
            ["source_type"] = SourceTypeLocal,
            ["source_version"] = "",
            ["start_time"] = Now,
            ["status"] = RunStatuses.Code("RUNNING"),
            ["tags"] = new List<object>(),
            ["user_id"] = Environment.UserName,
        });
        var allTags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>()) { [TrackingTags.RunName] = runName };
        allTags.TryAdd("mlflow.user", Environment.UserName);
        WriteKeyValues(folder, "tags", allTags, immutable: false);
        return Task.FromResult(new TrackedRun(experimentId, runId, artifactUri));
    }

    /// <inheritdoc />
    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        WriteKeyValues(ActiveRunFolder(runId), "params", parameters, immutable: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken)
    {
        var folder = ActiveRunFolder(runId);
        lock (_writeLock)
        {
            foreach (var group in metrics.GroupBy(m => m.Key))
            {
                TrackingKeys.Validate(group.Key, "metric");
                var file = Inside(folder, Path.Combine("metrics", group.Key));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                // A few lines appended to a local file under the store's write lock, which cannot be held across an await.
#pragma warning disable CA1849
                File.AppendAllLines(file, group.Select(m => MetricLine.Format(m.Value, m.Step, m.TimestampMs)));
#pragma warning restore CA1849
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        WriteKeyValues(ActiveRunFolder(runId), "tags", tags, immutable: false);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken)
    {
        if (!File.Exists(localPath))
            throw McpFlowException.NotFound($"Artifact file '{localPath}' does not exist.");
        artifactFolder = artifactFolder?.TrimEnd('/');
        if (artifactFolder is not null)
            TrackingKeys.Validate(artifactFolder, "artifact folder");
        var relative = artifactFolder is null ? Path.GetFileName(localPath) : artifactFolder + "/" + Path.GetFileName(localPath);
        var target = Inside(ActiveRunFolder(runId), Path.Combine("artifacts", relative));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(localPath, target, overwrite: true);
        return Task.FromResult(relative);
    }

    /// <inheritdoc />
    public Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken)
    {
        var folder = RunFolder(runId);
        lock (_writeLock)
        {
            var metaPath = Path.Combine(folder, "meta.yaml");
            var meta = MetaYaml.Read(metaPath);
            meta["status"] = RunStatuses.Code(RunStatuses.Name(status));
            meta["end_time"] = status is TrackedRunStatus.Running or TrackedRunStatus.Scheduled ? null : Now;
            meta["tags"] = new List<object>();
            MetaYaml.Write(metaPath, meta.ToDictionary(kv => kv.Key, kv => (object?)Typed(kv.Key, kv.Value)));
        }

        return Task.CompletedTask;
    }

    /// <summary>Creates experiment 0 "Default" when the store has none, as MLflow does on first use.</summary>
    internal void EnsureDefaultExperiment()
    {
        if (File.Exists(Path.Combine(Root, DefaultExperimentId, "meta.yaml")))
            return;
        lock (_writeLock)
        {
            if (!File.Exists(Path.Combine(Root, DefaultExperimentId, "meta.yaml")))
                CreateExperiment(DefaultExperimentId, "Default");
        }
    }

    private void CreateExperiment(string id, string name)
    {
        var folder = Path.Combine(Root, id);
        Directory.CreateDirectory(folder);
        var now = Now;
        MetaYaml.Write(Path.Combine(folder, "meta.yaml"), new Dictionary<string, object?>
        {
            ["artifact_location"] = new Uri(folder).AbsoluteUri,
            ["creation_time"] = now,
            ["experiment_id"] = id,
            ["last_update_time"] = now,
            ["lifecycle_stage"] = "active",
            ["name"] = name,
        });
    }

    private string ActiveRunFolder(string runId)
    {
        var folder = RunFolder(runId);
        var run = ReadRun(folder)!;
        if (run.LifecycleStage != "active")
            throw McpFlowException.Conflict($"Run '{runId}' is deleted; it cannot be changed.");
        return folder;
    }

    private void WriteKeyValues(string runFolder, string kind, IReadOnlyDictionary<string, string> values, bool immutable)
    {
        lock (_writeLock)
        {
            foreach (var (key, value) in values)
            {
                TrackingKeys.Validate(key, kind == "params" ? "param" : "tag");
                var file = Inside(runFolder, Path.Combine(kind, key));
                if (immutable && File.Exists(file) && File.ReadAllText(file) != value)
                    throw McpFlowException.Conflict(
                        $"Param '{key}' of run '{Path.GetFileName(runFolder)}' is already '{File.ReadAllText(file)}'; MLflow params cannot change (tried '{value}').",
                        "Log the new value under another name, or start a new run.");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, value);
            }
        }
    }

    private static object? Typed(string key, object? value) =>
        key is "start_time" or "end_time" or "status" or "source_type" && value is string s
            && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : value;
}
