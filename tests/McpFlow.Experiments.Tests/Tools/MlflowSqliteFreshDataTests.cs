using System.Globalization;
using System.Text;
using McpFlow.Core.Configuration;
using McpFlow.Testing;
using Microsoft.Data.Sqlite;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>
/// Issue 14's MLflow semantics replayed through MCP on an MLflow SQLite database (the tables and columns of MLflow's
/// SQLAlchemy schema, mlflow/store/tracking/dbmodels/models.py) filled with fresh runs: 12 runs named with spaces,
/// a "learning rate" param, a Cyrillic metric and one run deleted. Expected orders are computed here with MLflow's
/// rule (params compare as strings).
/// </summary>
public sealed class MlflowSqliteFreshDataTests : ExperimentsToolTestBase
{
    private const string DeletedRun = "d00000000000000000000000000000d0";
    private static readonly string[] Rates = ["0.1", "0.003", "0.03", "0.0001", "1e-05", "0.3", "0.01", "0.2", "0.05", "0.0003", "0.002", "0.5"];

    private string Database => Path.Combine(DataRoot, "mlflow.db");

    protected override void ConfigureOptions(McpFlowOptions options)
    {
        WriteDatabase();
        options.MlflowTrackingUri = "sqlite:///" + Database;
    }

    private static string RunId(int i) => i.ToString("x32", CultureInfo.InvariantCulture);

    private void WriteDatabase()
    {
        var sql = new StringBuilder("""
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
            INSERT INTO experiments VALUES (3, 'распознавание', 'mlruns/3', 'active', 1700000000000, 1700000000000);

            """);
        for (var i = 0; i < Rates.Length; i++)
        {
            var id = RunId(i);
            var name = i % 4 == 0 ? $"warm up {i}" : $"main run {i}";
            var start = 1_700_000_000_000L + (i * 60_000);
            var accuracy = (0.7 + (0.02 * i)).ToString("R", CultureInfo.InvariantCulture);
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO runs VALUES ('{id}', '{name}', 'LOCAL', '', '', 'ana', 'FINISHED', {start}, {start + 30_000}, NULL, '', 'active', 'mlruns/3/{id}/artifacts', 3);\n");
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO params VALUES ('learning rate', '{Rates[i]}', '{id}');\n");
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO metrics VALUES ('точность', {accuracy}, {start + 1000}, '{id}', 0, 0);\n");
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO latest_metrics VALUES ('точность', {accuracy}, {start + 1000}, 0, 0, '{id}');\n");
        }

        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO runs VALUES ('{DeletedRun}', 'main run gone', 'LOCAL', '', '', 'ana', 'FINISHED', 1700000900000, 1700000930000, 1700001000000, '', 'deleted', '', 3);\n");
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO params VALUES ('learning rate', '0.7', '{DeletedRun}');\n");
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        command.ExecuteNonQuery();
    }

    private static List<string> Ids(ModelContextProtocol.Protocol.CallToolResult result) =>
        result.Structured().GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runId").GetString()!).ToList();

    [Fact]
    public async Task Search_OrdersByABacktickParam_AndFiltersByABacktickRunName_LeavingTheDeletedRunOut()
    {
        var ordered = await CallOkAsync("mlflow_search_runs", new { experiment = "распознавание", order_by = new[] { "params.`learning rate` ASC" }, max_results = 100 });
        Ids(ordered).Should().Equal(Enumerable.Range(0, Rates.Length).OrderBy(i => Rates[i], StringComparer.Ordinal).Select(RunId));

        var warmUps = await CallOkAsync("mlflow_search_runs", new { experiment = "распознавание", filter = "attributes.`run name` LIKE 'warm%'", max_results = 100 });
        Ids(warmUps).Should().BeEquivalentTo(Enumerable.Range(0, Rates.Length).Where(i => i % 4 == 0).Select(RunId));

        var main = await CallOkAsync("mlflow_search_runs", new { experiment = "распознавание", filter = "attributes.`run name` LIKE 'main run%'", max_results = 100 });
        Ids(main).Should().HaveCount(9).And.NotContain(DeletedRun, "a deleted run is left out of searches, as MLflow's ACTIVE_ONLY default");
    }

    [Fact]
    public async Task GetRun_ShowsTheDeletedRunAsDeleted_AndReadsACyrillicMetric()
    {
        var deleted = await CallOkAsync("mlflow_get_run", new { run_id = DeletedRun });
        deleted.Structured().GetProperty("run").GetProperty("lifecycleStage").GetString().Should().Be("deleted");
        deleted.Text().Should().Contain("DELETED");

        var run = await CallOkAsync("mlflow_get_run", new { run_id = RunId(3) });
        run.Text().Should().Contain("точность").And.Contain("learning rate=0.0001");
        var analysis = await CallOkAsync("analyze_mlflow_runs", new { experiment = "распознавание", metric = "точность" });
        analysis.Text().Should().Contain("learning rate: 12 values");
    }
}
