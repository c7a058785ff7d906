using System.Diagnostics;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

public sealed class QueryToolTests : DataServerTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LoadAsync(WriteFile("nums.csv", "n,label\n" + string.Concat(Enumerable.Range(1, 25).Select(i => $"{i},item{i}\n"))));
    }

    [Fact]
    public async Task Query_ReturnsAggregate_AsMarkdown()
    {
        var result = await CallOkAsync("data_query", new { sql = "SELECT sum(n) AS total, count(*) AS rows FROM nums" });
        var s = result.Structured();
        s.GetProperty("rows")[0][0].GetDouble().Should().Be(325); // 1 + ... + 25 = 25·26/2
        s.GetProperty("truncated").GetBoolean().Should().BeFalse();
        result.Text().Should().Contain("| total | rows |").And.Contain("| 325 | 25 |");
    }

    [Fact]
    public async Task Query_PagesWithNPlusOneTruncationDetection()
    {
        var first = (await CallOkAsync("data_query", new { sql = "SELECT n FROM nums ORDER BY n", max_rows = 10 })).Structured();
        first.GetProperty("rows").GetArrayLength().Should().Be(10);
        first.GetProperty("truncated").GetBoolean().Should().BeTrue();
        first.GetProperty("nextOffset").GetInt64().Should().Be(10);
        var last = (await CallOkAsync("data_query", new { sql = "SELECT n FROM nums ORDER BY n", max_rows = 5, offset = 20 })).Structured();
        last.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt64()).Should().Equal(21, 22, 23, 24, 25);
        last.GetProperty("truncated").GetBoolean().Should().BeFalse();
        // Exactly a full page with nothing after it is not truncated (the N+1th row is absent).
        var exact = (await CallOkAsync("data_query", new { sql = "SELECT n FROM nums", max_rows = 25 })).Structured();
        exact.GetProperty("truncated").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Query_RendersCsvAndJson()
    {
        var csv = await CallOkAsync("data_query", new { sql = "SELECT n, label FROM nums WHERE n <= 2 ORDER BY n", format = "csv" });
        csv.Text().Should().StartWith("n,label\n1,item1\n2,item2\n");
        var json = await CallOkAsync("data_query", new { sql = "SELECT n FROM nums WHERE n = 3 -- trailing comment", format = "json" });
        json.Text().Should().StartWith("[{\"n\":3}]");
    }

    [Fact]
    public async Task Query_InterruptsStatement_WhenTimeoutPasses()
    {
        var watch = Stopwatch.StartNew();
        var result = await CallAsync("data_query", new { sql = "SELECT count(*) FROM range(100000000000) a", timeout_seconds = 1 });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ran past its 1 s limit");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        (await CallOkAsync("data_query", new { sql = "SELECT 1 AS ok" })).Structured().GetProperty("rows")[0][0].GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Query_PassesDuckDbSyntaxError_WithHint()
    {
        var result = await CallAsync("data_query", new { sql = "SELEC n FROM nums" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("SQL syntax error").And.Contain("SELEC");
    }

    [Fact]
    public async Task Query_ReportsUnknownColumn()
    {
        var result = await CallAsync("data_query", new { sql = "SELECT ghost FROM nums" });
        result.Text().Should().Contain("ghost").And.Contain("data_describe_table");
    }

    public static TheoryData<string, string> EscapeAttempts() => new()
    {
        { "DROP TABLE nums", "read-only" },
        { "INSERT INTO nums VALUES (99, 'x')", "read-only" },
        { "UPDATE nums SET n = 0", "read-only" },
        { "DELETE FROM nums", "read-only" },
        { "CREATE TABLE evil AS SELECT 1", "read-only" },
        { "COPY nums TO '/tmp/mcpflow-evil.csv'", "read-only" },
        { "EXPORT DATABASE '/tmp/mcpflow-evil'", "read-only" },
        { "ATTACH '/tmp/mcpflow-evil.duckdb' AS evil", "read-only" },
        { "INSTALL httpfs", "read-only" },
        { "LOAD httpfs", "read-only" },
        { "SET enable_external_access = true", "read-only" },
        { "RESET allowed_directories", "read-only" },
        { "PRAGMA enable_profiling", "read-only" },
        { "CALL pragma_version()", "read-only" },
        { "SELECT 1; DROP TABLE nums", "read-only" },
        { "SELECT 1; SELECT 2", "exactly one statement" },
        { "SELECT * FROM read_csv('/etc/passwd')", "never reads files" },
        { "SELECT * FROM '/etc/passwd'", "never reads files" },
        { "SELECT * FROM read_text('/etc/hostname')", "never reads files" },
        { "SELECT * FROM read_blob('/etc/hostname')", "never reads files" },
        { "SELECT * FROM glob('/etc/*')", "never reads files" },
        { "SELECT * FROM read_csv(['/etc/passwd'])", "never reads files" },
        { "SELECT * FROM read_csv('/etc/' || 'passwd')", "never reads files" },
        { "WITH x AS (SELECT * FROM read_text('/etc/hostname')) SELECT * FROM x", "never reads files" },
        { "SELECT * FROM nums WHERE label IN (SELECT content FROM read_text('/etc/hostname'))", "never reads files" },
        { "SELECT * FROM query('SELECT * FROM read_text(''/etc/hostname'')')", "not allowed" },
        { "SELECT * FROM query_table('nums')", "not allowed" },
        { "SELECT * FROM read_csv('https://example.com/data.csv')", "never reads files" },
        { "SELECT * FROM sqlite_scan('/tmp/x.db', 't')", "not allowed" },
        { "SELECT * FROM read_csv('../../../../etc/passwd')", "never reads files" },
        // The reproductions of the safety issue: relative paths, globs, '..' after links, SQL inside strings.
        { "SELECT * FROM read_text('.env')", "never reads files" },
        { "SELECT * FROM read_csv('secret.csv')", "never reads files" },
        { "SELECT * FROM 'secret.csv'", "never reads files" },
        { "SELECT * FROM read_text('data/*.txt')", "never reads files" },
        { "SELECT * FROM read_text('data/a/b/link/../secret.csv')", "never reads files" },
        { "SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM read_text(''/etc/passwd'')'))", "not allowed" },
        { "SELECT json_execute_serialized_sql(json_serialize_sql('SELECT 42'))", "not allowed" },
        { "SELECT json_serialize_plan('SELECT * FROM read_text(''/etc/passwd'')')", "not allowed" },
        { "SELECT getenv('HOME')", "not allowed" },
        { "SELECT json_structure(repeat('[', 100000) || repeat(']', 100000))", "not allowed" },
        { "SELECT json_contains('[1]', '[1]')", "not allowed" },
        { "SELECT json_transform('1', repeat('[', 50000) || '\"JSON\"' || repeat(']', 50000))", "structure" },
        { "SELECT list_transform([1], x -> json_structure(x::VARCHAR))", "not allowed" },
        { "SELECT sleep_ms(100000)", "not allowed" },
        { "DESCRIBE 'secret.csv'", "never reads files" },
        { "SUMMARIZE SELECT * FROM read_csv('/etc/passwd')", "never reads files" },
        { "SELECT * FROM parquet_metadata('x.parquet')", "never reads files" },
        { "SELECT * FROM read_csv_auto('/etc/passwd')", "never reads files" },
    };

    [Fact]
    public async Task Query_RefusesEveryEscapeAttemptOfTheCorpus()
    {
        // One server for the whole corpus (a theory would start 30 servers); each failure names its statement.
        using var scope = new FluentAssertions.Execution.AssertionScope();
        foreach (var row in EscapeAttempts())
        {
            var (sql, expected) = ((string)row[0], (string)row[1]);
            var result = await CallAsync("data_query", new { sql });
            result.IsError.Should().BeTrue(because: sql);
            result.Text().Should().Contain(expected, because: sql);
        }

        var count = (await CallOkAsync("data_query", new { sql = "SELECT count(*) FROM nums" })).Structured();
        count.GetProperty("rows")[0][0].GetInt64().Should().Be(25);
        File.Exists("/tmp/mcpflow-evil.csv").Should().BeFalse();
    }

    [Fact]
    public async Task Query_RefusesSymbolicLinkInsideRootPointingOutside()
    {
        var link = Path.Combine(DataRoot, "link.csv");
        File.CreateSymbolicLink(link, "/etc/passwd");
        var result = await CallAsync("data_query", new { sql = $"SELECT * FROM read_csv('{link}')" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("never reads files");
    }

    [Fact]
    public async Task Query_RefusesFileInsideAllowedRoot_AndNamesDataLoad()
    {
        // Client SQL never reads files, not even allowed ones: files enter through data_load, which checks them.
        var path = WriteFile("extra.csv", "a,b\n1,2\n3,4\n");
        var result = await CallAsync("data_query", new { sql = $"SELECT sum(a + b) FROM read_csv('{path}')" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("data_load");
    }
}
