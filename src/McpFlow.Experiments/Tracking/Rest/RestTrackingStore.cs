using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Registry;
using McpFlow.Experiments.Registry.Rest;
using Refit;

namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>The MLflow tracking server backend (REST API 2.0 through Refit, auth and retries in
/// <see cref="MlflowHttpHandler"/>). Filters and ordering are evaluated by the server.</summary>
public sealed class RestTrackingStore : ITrackingStore, IDisposable
{
    /// <summary>Page size used when following metric-history pages (MLflow's get-history maximum is 25,000).</summary>
    public const int HistoryPageSize = 25_000;

    private readonly HttpClient _http;
    private readonly IMlflowApi _api;
    private readonly string _uri;
    private readonly TimeProvider _time;
    private readonly TimeSpan _totalTimeout;

    /// <summary>Creates the store over an HTTP handler (the real network handler, or a test double).</summary>
    public RestTrackingStore(MlflowRestOptions options, HttpMessageHandler transport, TimeProvider time)
    {
        _uri = options.SafeUri;
        _time = time;
        _totalTimeout = options.TotalTimeout;
        Handler = new MlflowHttpHandler(options, transport, time);
        _http = new HttpClient(Handler) { BaseAddress = new Uri(_uri + "/"), Timeout = Timeout.InfiniteTimeSpan };
        _api = RestService.For<IMlflowApi>(_http, new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(MlflowJson.Options) });
        Registry = new RestModelRegistry(_api, _uri, _totalTimeout);
    }

    /// <inheritdoc />
    public IModelRegistry Registry { get; }

    /// <summary>The auth/retry handler (exposes the attempt count).</summary>
    public MlflowHttpHandler Handler { get; }

    /// <summary>Disposes the HTTP client, its handler and the transport the store was given.</summary>
    public void Dispose() => _http.Dispose();

    /// <inheritdoc />
    public string Kind => "rest";

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public string Location => _uri;

    /// <inheritdoc />
    public async Task<Page<MlflowExperiment>> SearchExperimentsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var response = await Call("experiments/search", () => _api.SearchExperimentsAsync(new SearchExperimentsRequest(maxResults, pageToken, filter, null), cancellationToken), cancellationToken);
        return new Page<MlflowExperiment>((response.Experiments ?? []).Select(ToExperiment).ToList(), NullIfEmpty(response.NextPageToken));
    }

    /// <inheritdoc />
    public async Task<MlflowExperiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken) =>
        ToExperiment((await Call("experiments/get", () => _api.GetExperimentAsync(experimentId, cancellationToken), cancellationToken)).Experiment);

    /// <inheritdoc />
    public async Task<MlflowExperiment?> FindExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return ToExperiment((await Call("experiments/get-by-name", () => _api.GetExperimentByNameAsync(name, cancellationToken), cancellationToken)).Experiment);
        }
        catch (McpFlowException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<Page<MlflowRun>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken)
    {
        var body = new SearchRunsRequest(request.ExperimentIds.ToList(), request.Filter, "ACTIVE_ONLY", request.MaxResults, request.OrderBy?.ToList(), request.PageToken);
        var response = await Call("runs/search", () => _api.SearchRunsAsync(body, cancellationToken), cancellationToken);
        return new Page<MlflowRun>((response.Runs ?? []).Select(ToRun).ToList(), NullIfEmpty(response.NextPageToken));
    }

    /// <inheritdoc />
    public async Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        ToRun((await Call("runs/get", () => _api.GetRunAsync(runId, cancellationToken), cancellationToken)).Run);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MlflowMetric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken)
    {
        var all = new List<MlflowMetric>();
        string? token = null;
        do
        {
            var page = await Call("metrics/get-history", () => _api.GetMetricHistoryAsync(runId, metricKey, HistoryPageSize, token, cancellationToken), cancellationToken);
            all.AddRange((page.Metrics ?? []).Select(m => new MlflowMetric(m.Key, m.Value, m.Step, m.Timestamp)));
            token = NullIfEmpty(page.NextPageToken);
        }
        while (token is not null);
        return all.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ToList();
    }

    /// <summary>Registered models (name, description, latest versions), one page.</summary>
    public async Task<Page<RegisteredModelDto>> SearchRegisteredModelsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var response = await Call("registered-models/search", () => _api.SearchRegisteredModelsAsync(filter, maxResults, pageToken, cancellationToken), cancellationToken);
        return new Page<RegisteredModelDto>(response.RegisteredModels ?? [], NullIfEmpty(response.NextPageToken));
    }

    /// <inheritdoc />
    public async Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindExperimentByNameAsync(name, cancellationToken) is { } existing)
            return existing.ExperimentId;
        return (await Call("experiments/create", () => _api.CreateExperimentAsync(new CreateExperimentRequest(name), cancellationToken), cancellationToken)).ExperimentId;
    }

    /// <inheritdoc />
    public async Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        var tagList = (tags ?? new Dictionary<string, string>()).Select(t => new KeyValueDto(t.Key, t.Value)).ToList();
        var request = new CreateRunRequest(experimentId, Environment.UserName, runName, _time.GetUtcNow().ToUnixTimeMilliseconds(), tagList);
        var run = (await Call("runs/create", () => _api.CreateRunAsync(request, cancellationToken), cancellationToken)).Run;
        return new TrackedRun(run.Info.ExperimentId, run.Info.RunId ?? run.Info.RunUuid!, run.Info.ArtifactUri);
    }

    /// <inheritdoc />
    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) =>
        LogBatch(runId, [], parameters.Select(p => new KeyValueDto(p.Key, p.Value)).ToList(), [], cancellationToken);

    /// <inheritdoc />
    public Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken) =>
        LogBatch(runId, metrics.Select(m => new MetricDto(m.Key, m.Value, m.TimestampMs, m.Step)).ToList(), [], [], cancellationToken);

    /// <inheritdoc />
    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        LogBatch(runId, [], [], tags.Select(t => new KeyValueDto(t.Key, t.Value)).ToList(), cancellationToken);

    /// <inheritdoc />
    public async Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken)
    {
        var run = await GetRunAsync(runId, cancellationToken);
        const string proxyScheme = "mlflow-artifacts:/";
        if (run.ArtifactUri is not { } root || !root.StartsWith(proxyScheme, StringComparison.Ordinal))
            throw McpFlowException.Unavailable(
                $"Run {runId} stores artifacts at '{run.ArtifactUri}', which McpFlow cannot upload to through {_uri}.",
                "Start the MLflow server with --serve-artifacts (artifact URIs then start with mlflow-artifacts:/).");
        var relative = artifactFolder is null ? Path.GetFileName(localPath) : artifactFolder.TrimEnd('/') + "/" + Path.GetFileName(localPath);
        var path = root[proxyScheme.Length..].TrimStart('/') + "/" + relative;
        await using var stream = File.OpenRead(localPath);
        await Call("artifact upload", async () =>
        {
            await _api.UploadArtifactAsync(path, new StreamContent(stream), cancellationToken);
            return true;
        }, cancellationToken);
        return relative;
    }

    /// <inheritdoc />
    public async Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken)
    {
        long? end = status is TrackedRunStatus.Running or TrackedRunStatus.Scheduled ? null : _time.GetUtcNow().ToUnixTimeMilliseconds();
        await Call("runs/update", () => _api.UpdateRunAsync(new UpdateRunRequest(runId, RunStatuses.Name(status), end), cancellationToken), cancellationToken);
    }

    private async Task LogBatch(string runId, List<MetricDto> metrics, List<KeyValueDto> parameters, List<KeyValueDto> tags, CancellationToken cancellationToken)
    {
        foreach (var request in LogBatchSplitter.Split(runId, metrics, parameters, tags))
            await Call("runs/log-batch", () => _api.LogBatchAsync(request, cancellationToken), cancellationToken);
    }

    private Task<T> Call<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken) =>
        MlflowErrors.Call(_uri, what, _totalTimeout, call, cancellationToken);

    private static string? NullIfEmpty(string? token) => string.IsNullOrEmpty(token) ? null : token;

    private static MlflowExperiment ToExperiment(ExperimentDto e) => new(
        e.ExperimentId, e.Name, e.ArtifactLocation, e.LifecycleStage ?? "active", e.CreationTime, e.LastUpdateTime,
        (e.Tags ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? ""));

    private static MlflowRun ToRun(RunDto r)
    {
        var data = r.Data ?? new RunDataDto(null, null, null);
        var tags = (data.Tags ?? []).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "");
        return new MlflowRun(
            r.Info.RunId ?? r.Info.RunUuid ?? "",
            r.Info.ExperimentId,
            r.Info.RunName ?? tags.GetValueOrDefault(TrackingTags.RunName) ?? "",
            r.Info.Status ?? "RUNNING",
            r.Info.StartTime,
            r.Info.EndTime,
            r.Info.ArtifactUri,
            r.Info.LifecycleStage ?? "active",
            (data.Params ?? []).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? ""),
            (data.Metrics ?? []).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).Select(m => new MlflowMetric(m.Key, m.Value, m.Step, m.Timestamp)).Last()),
            tags,
            r.Info.UserId);
    }
}
