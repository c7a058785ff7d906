using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.Sqlite;
using McpFlow.Testing;
using Microsoft.Data.Sqlite;

namespace McpFlow.Experiments.Tests.Tracking.Sqlite;

/// <summary>Against a database created with MLflow's SQLAlchemy schema (mlflow/store/tracking/dbmodels/models.py,
/// the columns McpFlow reads), NaN stored as value 0 with is_nan = 1 as MLflow's SqlAlchemyStore does.</summary>
public sealed class SqliteTrackingStoreTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("mlflow-sqlite");
    private readonly string _db;

    public SqliteTrackingStoreTests()
    {
        _db = Path.Combine(_folder, "mlflow.db");
        using var connection = new SqliteConnection($"Data Source={_db}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE experiments (experiment_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(256) NOT NULL UNIQUE, artifact_location VARCHAR(256),
              lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT);
            CREATE TABLE experiment_tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), experiment_id INTEGER NOT NULL, PRIMARY KEY (key, experiment_id));
            CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL PRIMARY KEY, name VARCHAR(250), source_type VARCHAR(20), source_name VARCHAR(500),
              entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(9), start_time BIGINT, end_time BIGINT, deleted_time BIGINT,
              source_version VARCHAR(50), lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER);
            CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL, PRIMARY KEY (key, run_uuid));
            CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(8000), run_uuid VARCHAR(32) NOT NULL, PRIMARY KEY (key, run_uuid));
            CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL, run_uuid VARCHAR(32) NOT NULL,
              step BIGINT DEFAULT 0 NOT NULL, is_nan BOOLEAN DEFAULT 0 NOT NULL, PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan));
            CREATE TABLE latest_metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT, step BIGINT NOT NULL, is_nan BOOLEAN NOT NULL,
              run_uuid VARCHAR(32) NOT NULL, PRIMARY KEY (key, run_uuid));
            INSERT INTO experiments VALUES (0, 'Default', 'mlruns/0', 'active', 1700000000000, 1700000000000);
            INSERT INTO experiments VALUES (1, 'sweep', 'mlruns/1', 'active', 1700000000000, 1700000000000);
            INSERT INTO experiment_tags VALUES ('team', 'vision', 1);
            INSERT INTO runs VALUES ('aaaa', 'good', 'LOCAL', '', '', 'alice', 'FINISHED', 1700000000000, 1700000100000, NULL, '', 'active', 'mlruns/1/aaaa/artifacts', 1);
            INSERT INTO runs VALUES ('bbbb', 'bad', 'LOCAL', '', '', 'alice', 'FAILED', 1700000200000, 1700000300000, NULL, '', 'active', 'mlruns/1/bbbb/artifacts', 1);
            INSERT INTO runs VALUES ('cccc', 'gone', 'LOCAL', '', '', 'alice', 'FINISHED', 1700000200000, 1700000300000, NULL, '', 'deleted', '', 1);
            INSERT INTO params VALUES ('lr', '0.01', 'aaaa'), ('lr', '0.1', 'bbbb');
            INSERT INTO tags VALUES ('mlflow.runName', 'good', 'aaaa');
            INSERT INTO metrics VALUES ('acc', 0.8, 1, 'aaaa', 0, 0), ('acc', 0.9, 2, 'aaaa', 1, 0), ('acc', 0, 1, 'bbbb', 0, 1);
            INSERT INTO latest_metrics VALUES ('acc', 0.9, 2, 1, 0, 'aaaa'), ('acc', 0, 1, 0, 1, 'bbbb');
            """;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempFolder.TryDelete(_folder);
    }

    [Fact]
    public async Task MlflowSchema_ReadsExperimentsRunsMetricsAndHistory()
    {
        var store = new SqliteTrackingStore(_db);

        var experiments = await store.SearchExperimentsAsync(null, 10, null, default);
        var runs = await store.SearchRunsAsync(new RunSearchRequest(["1"], "params.lr = '0.01'"), default);
        var all = await store.SearchRunsAsync(new RunSearchRequest(["1"], OrderBy: ["attributes.start_time DESC"]), default);
        var history = await store.GetMetricHistoryAsync("aaaa", "acc", default);

        experiments.Items.Select(e => e.Name).Should().Equal("Default", "sweep");
        experiments.Items[1].Tags["team"].Should().Be("vision");
        runs.Items.Single().RunName.Should().Be("good");
        runs.Items[0].Metric("acc").Should().Be(0.9);
        all.Items.Select(r => r.RunId).Should().Equal("bbbb", "aaaa");
        double.IsNaN(all.Items[0].Metric("acc")!.Value).Should().BeTrue("is_nan = 1 means NaN");
        all.Items[0].Status.Should().Be("FAILED");
        history.Select(h => h.Value).Should().Equal(0.8, 0.9);
    }

    [Fact]
    public async Task BacktickKeys_OrderAndFilterAsMlflowDoes()
    {
        using (var connection = new SqliteConnection($"Data Source={_db}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO params VALUES ('batch size', '64', 'aaaa'), ('batch size', '32', 'bbbb')";
            cmd.ExecuteNonQuery();
        }

        var store = new SqliteTrackingStore(_db);

        var ordered = await store.SearchRunsAsync(new RunSearchRequest(["1"], OrderBy: ["params.`batch size` ASC"]), default);
        var byName = await store.SearchRunsAsync(new RunSearchRequest(["1"], "attributes.`run name` LIKE 'go%'"), default);
        var created = await store.SearchRunsAsync(new RunSearchRequest(["1"], "attributes.created > 1700000100000", ["created DESC"]), default);

        ordered.Items.Select(r => r.RunId).Should().Equal("bbbb", "aaaa");
        byName.Items.Select(r => r.RunId).Should().Equal("aaaa");
        created.Items.Should().ContainSingle("created is MLflow's alias of start_time").Which.RunId.Should().Be("bbbb");
    }

    [Fact]
    public async Task NaNMetrics_FilterAsZero_AndUserIdIsTheRunsColumn_AsMlflowsSqlStoreDoes()
    {
        // MLflow's SqlAlchemyStore stores a NaN as value 0 with is_nan = 1 and filters on the value column, so run bbbb
        // (acc NaN) matches acc <= 0.9 and acc > -1 there, though MLflow's file store matches it with neither
        // (tools/mlflow-check, sqlite part: MlflowClient.search_runs on a database MLflow 2.12 wrote). user_id is runs.user_id.
        var store = new SqliteTrackingStore(_db);

        var atMost = await store.SearchRunsAsync(new RunSearchRequest(["1"], "metrics.acc <= 0.9"), default);
        var aboveMinusOne = await store.SearchRunsAsync(new RunSearchRequest(["1"], "metrics.acc > -1"), default);
        var aboveHalf = await store.SearchRunsAsync(new RunSearchRequest(["1"], "metrics.acc > 0.5"), default);
        var alice = await store.SearchRunsAsync(new RunSearchRequest(["1"], "attributes.user_id = 'alice'"), default);

        atMost.Items.Select(r => r.RunId).Should().BeEquivalentTo(["aaaa", "bbbb"]);
        aboveMinusOne.Items.Select(r => r.RunId).Should().BeEquivalentTo(["aaaa", "bbbb"]);
        aboveHalf.Items.Select(r => r.RunId).Should().Equal("aaaa");
        double.IsNaN(atMost.Items.Single(r => r.RunId == "bbbb").Metric("acc")!.Value).Should().BeTrue("the run still shows its NaN");
        alice.Items.Should().HaveCount(2, "both active runs have runs.user_id 'alice' and no mlflow.user tag");
    }

    [Fact]
    public async Task Writes_AreRefusedAsForbidden()
    {
        var store = new SqliteTrackingStore(_db);

        var error = await FluentActions.Awaiting(() => store.StartRunAsync("1", "x", null, default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.Forbidden);
        error.Which.Message.Should().Contain("read-only");
    }

    [Fact]
    public async Task UnknownExperiment_IsNotFound()
    {
        var store = new SqliteTrackingStore(_db);

        var error = await FluentActions.Awaiting(() => store.GetExperimentAsync("42", default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.NotFound);
    }
}
