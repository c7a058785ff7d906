using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Client SQL that tries to read outside the roots (issue 11's classes: relative paths against the working folder, globs
/// through links, '..' after a linked folder, negated classes, SQL hidden in strings), to undo the lock-down, or to take
/// the engine down. Each statement goes through data_query and through data_export's sql.
/// </summary>
internal static class SqlEscapes
{
    /// <summary>Relative paths: DuckDB would resolve them against the server's working folder (outside the roots),
    /// whose .env, secret.csv, secret.txt and sales.csv hold the canary.</summary>
    public static IEnumerable<string> RelativePaths() =>
    [
        "SELECT * FROM read_text('.env')", "SELECT * FROM read_text('secret.txt')", "SELECT * FROM read_csv('secret.csv')",
        "SELECT * FROM read_csv_auto('secret.csv')", "SELECT * FROM 'secret.csv'", "SELECT * FROM 'sales.csv'",
        "SELECT * FROM read_blob('.env')", "SELECT * FROM read_text('./.env')", "SELECT * FROM read_text('../cwd/.env')",
        "SELECT * FROM read_csv(['secret.csv'])", "SELECT * FROM sniff_csv('secret.csv')", "SELECT * FROM read_json_auto('secret.txt')",
        "FROM 'secret.csv'", "SELECT * FROM glob('*')", "SELECT * FROM read_text('*.txt')",
    ];

    /// <summary>Absolute paths outside the roots.</summary>
    public static IEnumerable<string> AbsolutePaths(SandboxFolders s) =>
    [
        $"SELECT * FROM read_text('{s.Outside}/canary.txt')", "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM read_text('/proc/self/environ')", $"SELECT * FROM read_csv('{s.Outside}/secret.csv')",
        $"SELECT * FROM read_text('file://{s.Outside}/canary.txt')", $"SELECT * FROM read_text('{s.Root}/../outside/canary.txt')",
        "SELECT * FROM parquet_metadata('/etc/passwd')", "SELECT * FROM glob('/etc/*')", "SELECT content FROM read_text('/etc/passwd')",
    ];

    /// <summary>Links inside the root that lead out: a file link, a glob that matches one, a link to /etc/passwd.</summary>
    public static IEnumerable<string> Links(SandboxFolders s) =>
    [
        $"SELECT * FROM read_text('{s.Root}/txt/*.txt')", $"SELECT * FROM read_text('{s.Root}/links/*')", $"SELECT * FROM read_csv('{s.Root}/globs/*.csv')",
        $"SELECT * FROM read_text('{s.Root}/**/*.txt')", $"SELECT * FROM '{s.Root}/globs/*.csv'", $"SELECT * FROM read_text('{s.Root}/links/p.txt')",
        $"SELECT * FROM read_csv('{s.Root}/links/secret.csv')", $"SELECT * FROM read_text('{s.Root}/links/passwd.txt')",
        "SELECT * FROM read_text('txt/p.txt')", "SELECT * FROM read_csv('globs/*.csv', union_by_name=true)",
    ];

    /// <summary>'..' after a linked folder: textually inside the root (where decoys sit), really outside.</summary>
    public static IEnumerable<string> DotDotAfterLink(SandboxFolders s) =>
    [
        $"SELECT * FROM read_text('{s.Root}/a/b/link/../canary.txt')", $"SELECT * FROM read_csv('{s.Root}/a/b/link/../secret.csv')",
        $"SELECT * FROM '{s.Root}/a/b/link/../secret.csv'", $"SELECT * FROM read_text('{s.Root}/outlink/canary.txt')",
        $"SELECT * FROM read_text('{s.Root}/a/b/link/canary.txt')", $"SELECT * FROM read_text('{s.Root}/a/b/link/../deep/../canary.txt')",
    ];

    /// <summary>Negated character classes in globs.</summary>
    public static IEnumerable<string> NegatedGlobs(SandboxFolders s) =>
    [
        $"SELECT * FROM read_csv('{s.Root}/globs/[!a].csv')", $"SELECT * FROM read_csv('{s.Root}/globs/[^a].csv')",
        $"SELECT * FROM '{s.Root}/globs/[!a]*.csv'", $"SELECT * FROM read_text('{s.Root}/txt/[!o]*.txt')",
    ];

    /// <summary>SQL inside strings, computed paths, and spellings meant to slip past a name check.</summary>
    public static IEnumerable<string> SqlInStrings(SandboxFolders s)
    {
        var canary = $"{s.Outside}/canary.txt";
        return
        [
            $"SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM read_text(''{canary}'')'))",
            "SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM read_text(''/etc/passwd'')'))",
            $"SELECT * FROM query('SELECT * FROM read_text(''{canary}'')')", $"SELECT * FROM query_table('{s.Outside}/secret.csv')",
            $"SELECT json_serialize_plan('SELECT * FROM read_text(''{canary}'')')", "SELECT getenv('HOME')",
            $"SELECT * FROM READ_TEXT('{canary}')", $"SELECT * FROM \"read_text\"('{canary}')", $"SELECT * FROM read_text/**/('{canary}')",
            $"SELECT * FROM read_text(concat('{s.Outside}', '/canary.txt'))", $"SELECT * FROM read_text(U&'{canary}')",
            $"SELECT * FROM read_text($${canary}$$)", $"WITH x AS (SELECT * FROM read_text('{canary}')) SELECT * FROM x",
            $"SELECT * FROM sales, read_text('{canary}')", $"SELECT (SELECT content FROM read_text('{canary}')) AS c",
            $"SELECT 1 UNION ALL SELECT content FROM read_text('{canary}')", $"SELECT * FROM system.main.read_text('{canary}')",
            $"EXPLAIN ANALYZE SELECT * FROM read_text('{canary}')", $"SELECT * FROM (FROM read_text('{canary}'))",
            $"SELECT * FROM read_text('{canary}'); SELECT 1",
        ];
    }

    /// <summary>Statements that would undo the lock-down or reach outside the database; all refused in read-only SQL.</summary>
    public static IEnumerable<string> LockdownChanges(SandboxFolders s) =>
    [
        "SET enable_external_access = true", "RESET enable_external_access", "SET lock_configuration = false",
        "PRAGMA enable_external_access", "SET allowed_directories = ['/']", "SET GLOBAL enable_external_access = true",
        "INSTALL httpfs", "LOAD httpfs", $"LOAD '{s.Outside}/x.so'", $"ATTACH '{s.Outside}/x.duckdb' AS x", "ATTACH ':memory:' AS m",
        $"COPY sales TO '{s.Outside}/copy.csv'", $"EXPORT DATABASE '{s.Outside}/dump'", "CREATE TABLE t AS SELECT 1",
        "CHECKPOINT", "DETACH DATABASE data", "CALL enable_logging()", "SET temp_directory = '/tmp'", "SET home_directory = '/'",
        "SELECT set_config('enable_external_access', 'true', false)",
    ];

    /// <summary>Reads the lock-down as the running connection sees it: answers ON, or is refused.</summary>
    public const string LockdownProbe =
        "SELECT CASE WHEN current_setting('enable_external_access')::BOOLEAN THEN 'LOCKDOWN-OFF' ELSE 'LOCKDOWN-ON' END AS lockdown";

    /// <summary>Statements that attack the engine itself (issue 11: one read-only query killed the process).</summary>
    public static IEnumerable<string> EngineAttacks() =>
    [
        "SELECT json_structure(repeat('[', 100000) || repeat(']', 100000))", "SELECT json_group_structure(repeat('[', 100000) || repeat(']', 100000))",
        "SELECT json_contains(repeat('[', 100000) || repeat(']', 100000), '1')", "SELECT json_pretty(repeat('[', 100000) || repeat(']', 100000))",
        "SELECT json_extract(repeat('[', 100000) || repeat(']', 100000), '$')", "SELECT (repeat('[', 100000) || repeat(']', 100000))::JSON",
        "SELECT repeat('x', 10000000)", "SELECT range FROM range(1e11)", "SELECT sum(range) FROM range(1e12)",
        "SELECT list(range) FROM range(2000000)", "SELECT regexp_matches(repeat('a', 100000), '(a+)+$')",
        "SELECT * FROM range(100000) a, range(100000) b", "SELECT sleep_ms(100000)",
    ];

    /// <summary>data_query with <paramref name="sql"/>.</summary>
    public static EscapeAttempt Query(string sql) => EscapeAttempt.Call("data_query", "sql", sql, new JsonObject { ["sql"] = sql });

    /// <summary>data_export of <paramref name="sql"/> into the root's exports folder.</summary>
    public static EscapeAttempt Export(string sql, int index) =>
        EscapeAttempt.Call("data_export", "sql", sql, new JsonObject
        {
            ["path"] = $"exports/sql-{index}.csv", ["sql"] = sql, ["overwrite"] = true,
        });
}
