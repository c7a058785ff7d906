using Microsoft.Data.Sqlite;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Hostile SQLite files: issue 11's endless recursive view (a 4 KB file that hung the call and outlived stdin
/// and SIGTERM) and a view of 100 MB blobs (made lazily with zeroblob, not stored), and their relatives.</summary>
internal static class SqliteFiles
{
    /// <summary>The files.</summary>
    public static IEnumerable<HostileFile> All() =>
    [
        Db("endless recursive view", "recursive.sqlite", "CREATE VIEW v AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"),
        Db("view of 100 MB blobs", "blobs.sqlite", "CREATE VIEW v AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) SELECT zeroblob(100000000) AS b FROM c"),
        Db("view of a 1 GB string", "string.sqlite", "CREATE VIEW v AS SELECT printf('%.*c', 1000000000, 'x') AS s"),
        Db("view of 2,000,000,000-byte random blobs", "random.sqlite", "CREATE VIEW v AS SELECT randomblob(2000000000) AS b"),
        Db("2,000 columns", "wide.sqlite", "CREATE TABLE t (" + string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"c{i} INTEGER")) + ")",
            "INSERT INTO t (c0) VALUES (1)"),
        Db("5,000 tables and no choice", "tables.sqlite", Enumerable.Range(0, 5000).Select(i => $"CREATE TABLE t{i} (a INTEGER)").ToArray()),
        Db("a view on a missing table", "dangling.sqlite", "CREATE TABLE gone (a)", "CREATE VIEW v AS SELECT * FROM gone", "DROP TABLE gone"),
        Db("a view calling load_extension", "extension.sqlite", "CREATE VIEW v AS SELECT load_extension('/tmp/mcpflow-redteam-none.so') AS x"),
        Db("a 10 MB text in an INTEGER column", "affinity.sqlite", "CREATE TABLE t (a INTEGER)", "INSERT INTO t VALUES (printf('%.*c', 10000000, 'x'))"),
        Db("a recursive view of growing strings", "growing.sqlite",
            "CREATE VIEW v AS WITH RECURSIVE c(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM c WHERE length(s) < 1000000000) SELECT s FROM c"),
        new("sqlite", "a valid header, then garbage", "damaged.sqlite", p => File.WriteAllBytes(p, [.. "SQLite format 3\0"u8, .. CsvFiles.Random(64 << 10, 9)]), HostileUse.Loaders),
        new("sqlite", "the first 4 KB of a larger database", "truncated.sqlite", Truncated, HostileUse.Loaders),
        new("sqlite", "a header claiming 2^31 pages", "pages.sqlite", HugePageCount, HostileUse.Loaders),
    ];

    private static HostileFile Db(string name, string file, params string[] statements) =>
        new("sqlite", name, file, p => Create(p, statements), HostileUse.Loaders);

    private static void Create(string path, IEnumerable<string> statements)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            foreach (var sql in statements)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static void Truncated(string path)
    {
        var full = path + ".full";
        Create(full, ["CREATE TABLE t (a TEXT)", .. Enumerable.Range(0, 200).Select(i => $"INSERT INTO t VALUES (printf('%.*c', 1000, 'y'))")]);
        File.WriteAllBytes(path, File.ReadAllBytes(full)[..4096]);
        File.Delete(full);
    }

    private static void HugePageCount(string path)
    {
        Create(path, ["CREATE TABLE t (a INTEGER)", "INSERT INTO t VALUES (1)"]);
        var bytes = File.ReadAllBytes(path);
        // Offset 28: the in-header database size in pages (big-endian); 0x7FFFFFFF pages.
        bytes[28] = 0x7F;
        bytes[29] = 0xFF;
        bytes[30] = 0xFF;
        bytes[31] = 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
