using McpFlow.Core.Files;
using McpFlow.Core.Storage;
using McpFlow.Core.Workspace;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests;

/// <summary>A temporary workspace database with constructed tables (deterministic SQL, no files).</summary>
public sealed class TestData : IDisposable
{
    public TestData()
    {
        Root = TempFolder.Create("mcpflow-pipelines");
        Database = new DuckDbGateway(new McpFlowWorkspace(Root), new FileAccessGuard([Root, RepositoryPaths.ExampleData]));
    }

    public string Root { get; }

    public DuckDbGateway Database { get; }

    /// <summary>Two numeric features, a 3-level category, an ID, a leaky copy of the target and a 0/1 label 'churn'.
    /// The label is 1 when x1 + x2 > 0, so it is learnable.</summary>
    public const string Binary =
        "CREATE TABLE customers AS SELECT i AS customer_id, sin(i * 1.7) AS x1, cos(i * 0.9) AS x2, " +
        "['red','green','blue'][1 + (i % 3)] AS colour, CASE WHEN sin(i * 1.7) + cos(i * 0.9) > 0 THEN 1 ELSE 0 END AS churn, " +
        "CASE WHEN sin(i * 1.7) + cos(i * 0.9) > 0 THEN 'left' ELSE 'stayed' END AS status_after, " +
        "(CASE WHEN sin(i * 1.7) + cos(i * 0.9) > 0 THEN 1 ELSE 0 END) * 2.0 + 0.001 * sin(i) AS churn_score FROM range(0, 120) t(i)";

    /// <summary>Hourly series with a 24-row season and small deterministic noise: 10 + 5 sin(2πt/24) + 0.3 sin(12.9898 t).</summary>
    public const string Hourly =
        "CREATE TABLE power AS SELECT TIMESTAMP '2024-01-01' + to_hours(i) AS ts, 10 + 5 * sin(2 * pi() * i / 24) + 0.3 * sin(i * 12.9898) AS mw, " +
        "i * 0.5 AS future_x FROM range(0, 400) t(i)";

    /// <summary>Linear regression target y = 3 x1 - 2 x2 + noise, with a missing value in x1 every 10th row.</summary>
    public const string Regression =
        "CREATE TABLE houses AS SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE sin(i * 1.3) END AS x1, cos(i * 0.7) AS x2, " +
        "3 * sin(i * 1.3) - 2 * cos(i * 0.7) + 0.1 * sin(i * 7.1) AS price FROM range(0, 100) t(i)";

    public void Execute(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Database.Dispose();
        TempFolder.TryDelete(Root);
    }
}
