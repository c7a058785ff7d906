using System.IO.Compression;
using System.Text;
using McpFlow.Data.Tests.Loading;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Hostile files of every class issue 11 names, generated here, against the default limits: each is refused with
/// a message naming the limit and the switch that raises it (or read safely), and the server keeps working.</summary>
public sealed class HostileFileLoadTests : DataServerTestBase
{
    [Fact]
    public async Task Load_RefusesAJsonObjectNested20000Deep_WhichWouldCrashDuckDb()
    {
        var path = WriteFile("deep-object.json", string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000));

        var result = await CallAsync("data_load", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("more than 64 levels deep").And.Contain("--load-max-depth");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_RefusesAJsonArrayNested100000Deep_WhichWouldHangDuckDb()
    {
        var path = WriteFile("deep-array.ndjson", new string('[', 100_000) + new string(']', 100_000) + "\n");

        var result = await CallAsync("analyze_dataframe", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("more than 64 levels deep");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_RefusesA50000ColumnCsv_BeforeDuckDbSniffsIt()
    {
        var header = string.Join(",", Enumerable.Range(0, 50_000).Select(i => "c" + i));
        var path = WriteFile("wide.csv", header + "\n" + string.Join(",", Enumerable.Range(0, 50_000)) + "\n");

        var result = await CallAsync("data_load", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("50,000 fields").And.Contain("at most 2,000 columns").And.Contain("--load-max-columns");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_ReadsAsStandardCsv_AFileThatOnlySingleQuotesWouldMakeTooWide()
    {
        // As RFC 4180 CSV: header a,b,c, then 1,502 rows of 3 fields. Read with quote ' the apostrophes chain 1,500
        // rows into one record of about 3,000 fields, past the 2,000-column limit: the load pins the standard quoting.
        var text = new StringBuilder("a,b,c\nq,r,s'\n");
        for (var i = 0; i < 1_500; i++)
            text.Append("',x,'\n");
        text.Append("',y,z\n");
        var path = WriteFile("apostrophes.csv", text.ToString());

        var s = await LoadAsync(path);

        s.GetProperty("rows").GetInt64().Should().Be(1_502);
        s.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Equal("a", "b", "c");
        s.GetProperty("detected").GetProperty("quote").GetString().Should().Contain("standard CSV");
    }

    [Fact]
    public async Task Load_RefusesALineLongerThanTheLimit()
    {
        var path = WriteFile("long-line.csv", "a,b\n" + new string('x', 3 << 20) + ",1\n");

        var result = await CallAsync("data_load", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Line 2 of 'long-line.csv' is longer than 2,097,152 bytes").And.Contain("--load-max-line-bytes");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_RefusesAZipBombWorkbook_WithoutOpeningIt()
    {
        var path = Path.Combine(DataRoot, "bomb.xlsx");
        XlsxWriter.Write(path, [("Data", [["a"], [1.0]])]);
        ZipDirectoryTests.DeclareSize(path, 0, 4_000_000_000);

        var result = await CallAsync("data_load", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("declares more than 536,870,912 bytes").And.Contain("--load-max-unzipped-bytes");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_RefusesAWorkbookOfTooManyZipEntries()
    {
        var path = Path.Combine(DataRoot, "entries.xlsx");
        XlsxWriter.Write(path, [("Data", [["a"], [1.0]])]);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            for (var i = 0; i < 10_001; i++)
                zip.CreateEntry($"xl/extra/e{i}.xml");

        var result = await CallAsync("data_load", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("more than 10,000 entries").And.Contain("--load-max-zip-entries");
    }

    [Fact]
    public async Task Load_RefusesASqliteViewOf100MegabyteBlobs_AtTheFirstValue()
    {
        var path = WriteSqlite("blobs.sqlite",
            "CREATE VIEW blobs AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 20) SELECT x, randomblob(100000000) AS b FROM r;");

        var result = await CallAsync("data_load", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("longer than 1,048,576 bytes").And.Contain("--load-max-cell-bytes");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_RefusesADuckDbView_ThatCallsAFunctionClientSqlMayNotCall()
    {
        var path = Path.Combine(DataRoot, "crash.duckdb");
        DuckDb("CREATE TABLE t AS SELECT 1 AS a; CREATE VIEW v AS SELECT json_structure('[1]') AS s FROM t;", path);

        var result = await CallAsync("data_load", new { path, source_table = "v" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("cannot be loaded").And.Contain("view 'v'").And.Contain("json_structure");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_RefusesADuckDbView_ThatReadsAFile()
    {
        var csv = WriteFile("inner.csv", "x\n1\n");
        var path = Path.Combine(DataRoot, "reader.duckdb");
        DuckDb($"CREATE VIEW v AS SELECT * FROM read_csv('{csv}');", path);

        var result = await CallAsync("data_load", new { path, source_table = "v" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("view 'v'").And.Contain("read_csv").And.Contain("never reads files");
    }

    [Fact]
    public async Task Load_RefusesADuckDbTable_WhoseComputedColumnCallsARefusedFunction()
    {
        var path = Path.Combine(DataRoot, "generated.duckdb");
        DuckDb("CREATE TABLE t (x INTEGER, y VARCHAR GENERATED ALWAYS AS (json_structure('[1]')) VIRTUAL); INSERT INTO t (x) VALUES (1);", path);

        var result = await CallAsync("data_load", new { path });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("computed column 't.y'").And.Contain("json_structure");
    }

    [Fact]
    public async Task Load_RefusesADuckDbView_WhenTheFileDefinesMacros_ButLoadsItsPlainTable()
    {
        var path = Path.Combine(DataRoot, "macros.duckdb");
        DuckDb("CREATE MACRO twice(x) AS x * 2; CREATE TABLE t AS SELECT range AS a FROM range(4); CREATE VIEW v AS SELECT twice(a) AS b FROM t;", path);

        var view = await CallAsync("data_load", new { path, source_table = "v" });
        view.IsError.Should().BeTrue();
        view.Text().Should().Contain("SQL macro");

        (await LoadAsync(path, new { source_table = "t" })).GetProperty("rows").GetInt64().Should().Be(4);
    }

    [Fact]
    public async Task Load_ReadsADuckDbView_WhoseSqlPassesTheGuard()
    {
        var path = Path.Combine(DataRoot, "views.duckdb");
        DuckDb("CREATE TABLE t AS SELECT range AS i FROM range(5); CREATE VIEW evens AS SELECT i FROM t WHERE i % 2 = 0;", path);

        var s = await LoadAsync(path, new { source_table = "evens" });

        s.GetProperty("rows").GetInt64().Should().Be(3, "0, 2 and 4 are the even numbers below 5");
        s.GetProperty("detected").GetProperty("source_table").GetString().Should().Be("evens (view)");
    }

    [Fact]
    public async Task EveryFileTool_RefusesAFifo_WithoutOpeningIt()
    {
        var fifo = Path.Combine(DataRoot, "pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            await mkfifo.WaitForExitAsync();

        (await CallAsync("data_load", new { path = fifo })).Text().Should().Contain("not a regular file");
        (await CallAsync("analyze_dataframe", new { path = fifo })).Text().Should().Contain("not a regular file");
        await LoadAsync(WriteFile("t.csv", "x\n1\n"));
        (await CallAsync("data_export", new { path = fifo, table = "t", overwrite = true })).Text().Should().Contain("not a regular file");
        await AssertServerStillWorksAsync();
    }
}
