using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// With --sql-allow-writes (issue 11: COPY … TO, EXPORT DATABASE, ATTACH and stacked statements wrote outside the roots):
/// every statement that writes files, attaches databases, changes settings or McpFlow's own catalogue must be refused;
/// writes that smuggle a file read must not leak it (each is followed by a query that would show what it stored).
/// </summary>
internal static class WriteModeEscapes
{
    /// <summary>Statements that must be refused, with what each targets.</summary>
    public static IEnumerable<string> Refused(SandboxFolders s)
    {
        var ws = s.Workspace;
        var canary = $"{s.Outside}/canary.txt";
        return
        [
            $"COPY sales TO '{s.Outside}/copy.csv'", $"COPY sales TO '{s.ForeignPath("copy.csv")}'", "COPY (SELECT 1 AS x) TO 'relative.csv'",
            $"COPY sales TO '{ws}/audit/audit.jsonl'", $"COPY sales TO '{ws}/workbench.json'", $"COPY sales TO '{ws}/data.duckdb'",
            $"COPY sales TO '{s.Root}/outlink/copy.csv'", $"COPY sales TO '{s.Root}/links/p.txt'", $"COPY sales TO '{s.Root}/a/b/link/../copy.csv'",
            $"COPY sales TO '{s.Root}/exports/inside.csv'", $"COPY sales TO '{s.Outside}/copy.parquet' (FORMAT parquet)",
            $"COPY sales FROM '{s.Outside}/secret.csv'", $"EXPORT DATABASE '{s.Outside}/dump'", $"EXPORT DATABASE '{s.Root}/dump'", "EXPORT DATABASE 'dump'",
            $"IMPORT DATABASE '{s.Outside}'", $"ATTACH '{s.Outside}/new.duckdb' AS x", $"ATTACH '{s.Root}/new.duckdb' AS y", $"ATTACH '{ws}/data.duckdb' AS again",
            "ATTACH ':memory:' AS m", $"ATTACH '{s.Outside}/new.sqlite' (TYPE sqlite)",
            $"SELECT 1; COPY sales TO '{s.Outside}/stacked.csv'", $"CREATE TABLE stacked_a AS SELECT 1 AS x; COPY sales TO '{s.Outside}/stacked2.csv'",
            $"INSERT INTO sales SELECT * FROM sales LIMIT 0; EXPORT DATABASE '{s.Outside}/stacked-dump'", "DROP TABLE IF EXISTS nothing; ATTACH ':memory:' AS z",
            $"CREATE TABLE leak AS SELECT * FROM read_text('{canary}')", $"CREATE VIEW leak_view AS SELECT * FROM read_text('{canary}')",
            $"INSERT INTO sales SELECT * FROM read_csv('{s.Outside}/secret.csv')", "CREATE TABLE leak_relative AS SELECT * FROM 'secret.csv'",
            $"UPDATE sales SET region = (SELECT content FROM read_text('{canary}'))", $"CREATE OR REPLACE TABLE sales_copy AS FROM read_text('{canary}')",
            "DELETE FROM mcpflow.sources", "DROP TABLE mcpflow.lineage", "UPDATE mcpflow.sources SET path = '/etc/passwd'", "CREATE TABLE mcpflow_evil AS SELECT 1 AS x",
            "ALTER TABLE sales RENAME TO mcpflow_sales", $"CREATE MACRO evil() AS TABLE SELECT * FROM read_text('{canary}')",
            "CREATE SECRET s (TYPE s3, KEY_ID 'x', SECRET 'y')", "SET enable_external_access = true", "RESET lock_configuration", "INSTALL httpfs", "LOAD httpfs",
            "CHECKPOINT", "VACUUM", "USE memory", "DETACH data", "CREATE SCHEMA evil", "CREATE TABLE evil.t AS SELECT 1 AS x",
        ];
    }

    /// <summary>Queries that would show what a write smuggled in, and a permitted write whose table name looks like a path
    /// (a quoted identifier, not a file): answered; only the effect checks apply.</summary>
    public static IEnumerable<string> FollowUps() =>
    [
        "CREATE TABLE \"../../outside/pwn\" AS SELECT 1 AS x",
        "SELECT * FROM leak", "SELECT * FROM leak_view", "SELECT * FROM leak_relative", "SELECT * FROM sales_copy",
        "SELECT DISTINCT region FROM sales", "SELECT count(*) AS n FROM sales",
    ];
}
