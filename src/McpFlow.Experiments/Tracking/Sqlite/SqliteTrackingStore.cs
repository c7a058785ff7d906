using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Search;
using Microsoft.Data.Sqlite;

namespace McpFlow.Experiments.Tracking.Sqlite;

/// <summary>
/// Reads an existing MLflow SQLite database (MLflow's SQLAlchemy schema: <c>experiments</c>,
/// <c>experiment_tags</c>, <c>runs</c>, <c>params</c>, <c>tags</c>, <c>metrics</c>, <c>latest_metrics</c>),
/// opened read-only so a user's local history can be analysed without a server. Writes are refused.
/// </summary>
public sealed class SqliteTrackingStore : ITrackingStore
{
    private readonly string _connectionString;

    /// <summary>Opens <paramref name="databasePath"/> read-only (it must exist).</summary>
    public SqliteTrackingStore(string databasePath)
    {
        if (!File.Exists(databasePath))
            throw McpFlowException.NotFound($"MLflow database '{databasePath}' does not exist.", "Check MLFLOW_TRACKING_URI (sqlite:///relative.db or sqlite:////absolute/path.db).");
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string Kind => "sqlite";

    /// <inheritdoc />
    public bool IsReadOnly => true;

    /// <inheritdoc />
    public Registry.IModelRegistry Registry { get; } = new Registry.UnavailableModelRegistry("the SQLite tracking backend is read-only and McpFlow does not read its registry tables");

    /// <inheritdoc />
    public string Location => "sqlite:///" + DatabasePath;

    /// <inheritdoc />
    public Task<Page<MlflowExperiment>> SearchExperimentsAsync(string? filter, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        using var db = Open();
        var match = FileStore.ExperimentFilter.Parse(filter);
        var all = ReadExperiments(db, null).Where(match).ToList();
        var offset = InMemoryRunSearch.DecodeToken(pageToken);
        var page = all.Skip(offset).Take(Math.Max(1, maxResults)).ToList();
        return Task.FromResult(new Page<MlflowExperiment>(page, offset + page.Count < all.Count ? InMemoryRunSearch.EncodeToken(offset + page.Count) : null));
    }

    /// <inheritdoc />
    public Task<MlflowExperiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        using var db = Open();
        return Task.FromResult(ReadExperiments(db, experimentId).FirstOrDefault()
            ?? throw McpFlowException.NotFound($"Experiment '{experimentId}' does not exist in {Location}.", "Call mlflow_list_experiments to see the ids."));
    }

    /// <inheritdoc />
    public Task<MlflowExperiment?> FindExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        using var db = Open();
        return Task.FromResult(ReadExperiments(db, null).FirstOrDefault(e => e.Name == name));
    }

    /// <inheritdoc />
    public Task<Page<MlflowRun>> SearchRunsAsync(RunSearchRequest request, CancellationToken cancellationToken)
    {
        using var db = Open();
        var runs = new List<MlflowRun>();
        foreach (var id in request.ExperimentIds)
        {
            if (ReadExperiments(db, id).Count == 0)
                throw McpFlowException.NotFound($"Experiment '{id}' does not exist in {Location}.", "Call mlflow_list_experiments to see the ids.");
            runs.AddRange(SqliteRunReader.ReadRuns(db, "r.experiment_id = $id AND r.lifecycle_stage = 'active'", ("$id", id)));
        }

        // MLflow's SQL store keeps a NaN metric as 0 (is_nan set) and filters on that 0 (checked in tools/mlflow-check).
        return Task.FromResult(InMemoryRunSearch.Apply(runs, request, nanAsZero: true));
    }

    /// <inheritdoc />
    public Task<MlflowRun> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        using var db = Open();
        return Task.FromResult(SqliteRunReader.ReadRuns(db, "r.run_uuid = $id", ("$id", runId)).FirstOrDefault()
            ?? throw McpFlowException.NotFound($"Run '{runId}' does not exist in {Location}.", "Call mlflow_search_runs to list the runs."));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MlflowMetric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken)
    {
        using var db = Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = $r AND key = $k ORDER BY step, timestamp";
        cmd.Parameters.AddWithValue("$r", runId);
        cmd.Parameters.AddWithValue("$k", metricKey);
        var list = new List<MlflowMetric>();
        // Microsoft.Data.Sqlite's async methods run synchronously (SQLite has no async I/O); the sync calls say so.
#pragma warning disable CA1849
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            list.Add(SqliteRunReader.Metric(reader));
#pragma warning restore CA1849
        return Task.FromResult<IReadOnlyList<MlflowMetric>>(list);
    }

    /// <inheritdoc />
    public Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken) => throw ReadOnly();

    /// <inheritdoc />
    public Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) => throw ReadOnly();

    /// <inheritdoc />
    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) => throw ReadOnly();

    /// <inheritdoc />
    public Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken) => throw ReadOnly();

    /// <inheritdoc />
    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => throw ReadOnly();

    /// <inheritdoc />
    public Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken) => throw ReadOnly();

    /// <inheritdoc />
    public Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken) => throw ReadOnly();

    private McpFlowException ReadOnly() => McpFlowException.Forbidden(
        $"The tracking store {Location} is an MLflow SQLite database, which McpFlow opens read-only; runs cannot be logged to it.",
        "Unset MLFLOW_TRACKING_URI to log to the workspace's own MLflow file store, or point it at an MLflow server (http://...).");

    private SqliteConnection Open()
    {
        var db = new SqliteConnection(_connectionString);
        db.Open();
        return db;
    }

    private static List<MlflowExperiment> ReadExperiments(SqliteConnection db, string? id)
    {
        var tags = new Dictionary<string, Dictionary<string, string>>();
        using (var t = db.CreateCommand())
        {
            t.CommandText = "SELECT experiment_id, key, value FROM experiment_tags";
            using var r = t.ExecuteReader();
            while (r.Read())
            {
                var e = r.GetValue(0).ToString()!;
                if (!tags.TryGetValue(e, out var d))
                    tags[e] = d = [];
                d[r.GetString(1)] = r.IsDBNull(2) ? "" : r.GetString(2);
            }
        }

        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time FROM experiments" +
                          (id is null ? " WHERE lifecycle_stage = 'active'" : " WHERE CAST(experiment_id AS TEXT) = $id") + " ORDER BY experiment_id";
        if (id is not null)
            cmd.Parameters.AddWithValue("$id", id);
        var list = new List<MlflowExperiment>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var eid = reader.GetValue(0).ToString()!;
            list.Add(new MlflowExperiment(eid, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? "active" : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5), tags.GetValueOrDefault(eid) ?? []));
        }

        return list;
    }
}
