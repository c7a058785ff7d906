using DuckDB.NET.Data;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Hostile .duckdb files, made by DuckDB itself in the test process: a view reading the canary outside the
/// roots, an endless recursive view, views of huge values, a view that would crash json_structure, a stored macro, a
/// view listing /etc, a damaged file.</summary>
internal static class DuckDbFiles
{
    /// <summary>The files; <paramref name="canaryFile"/> is the file outside the roots the bad view reads.</summary>
    public static IEnumerable<HostileFile> All(string canaryFile) =>
    [
        Db("a view reading a file outside the roots", "reads-canary.duckdb", $"CREATE VIEW v AS SELECT * FROM read_text('{canaryFile}')"),
        Db("an endless recursive view", "recursive.duckdb", "CREATE VIEW v AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"),
        Db("a view of 100 MB strings", "strings.duckdb", "CREATE VIEW v AS SELECT repeat('x', 100000000) AS s FROM range(100)"),
        Db("a view that nests JSON 100,000 deep into json_structure", "json.duckdb", "CREATE VIEW v AS SELECT json_structure(repeat('[', 100000) || repeat(']', 100000)) AS j"),
        Db("a stored macro next to a table", "macro.duckdb", "CREATE MACRO m(x) AS x + 1", "CREATE TABLE t AS SELECT m(1) AS a"),
        Db("a view listing /etc", "glob.duckdb", "CREATE VIEW v AS SELECT * FROM glob('/etc/*')"),
        Db("a view of 10^10 rows", "cross.duckdb", "CREATE VIEW v AS SELECT a.range AS a, b.range AS b FROM range(100000) a, range(100000) b"),
        Db("5,000 columns", "wide.duckdb", "CREATE TABLE t AS SELECT " + string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"1 AS c{i}"))),
        Db("a stored 50 MB string", "long-cell.duckdb", "CREATE TABLE t AS SELECT repeat('x', 50000000) AS s"),
        new("duckdb", "a DuckDB header, then garbage", "damaged.duckdb", p => File.WriteAllBytes(p, [.. CsvFiles.Random(8, 1), .. "DUCK"u8, .. CsvFiles.Random(1 << 20, 2)]), HostileUse.Loaders),
    ];

    private static HostileFile Db(string name, string file, params string[] statements) =>
        new("duckdb", name, file, p => Create(p, statements), HostileUse.Loaders);

    private static void Create(string path, IEnumerable<string> statements)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Runs statements on an in-memory DuckDB (to write Parquet files).</summary>
    public static void InMemory(params string[] statements) => Create(":memory:", statements);
}
