using McpFlow.Data.Tests.Loading;
using McpFlow.Testing;
using Microsoft.Data.Sqlite;

namespace McpFlow.Data.Tests.Tools;

public sealed class LoadToolTests : DataServerTestBase
{
    [Fact]
    public async Task Load_DetectsSemicolonDelimiterAndTypes_WhenCsvHasHeader()
    {
        var path = WriteFile("sales.csv", "id;amount;city\n1;10.5;Oslo\n2;20.25;Rome\n3;;Paris\n");
        var result = await CallOkAsync("data_load", new { path });
        var s = result.Structured();
        s.GetProperty("table").GetString().Should().Be("sales");
        s.GetProperty("status").GetString().Should().Be("created");
        s.GetProperty("rows").GetInt64().Should().Be(3);
        s.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()).Should().Equal("BIGINT", "DOUBLE", "VARCHAR");
        s.GetProperty("detected").GetProperty("delimiter").GetString().Should().Be(";");
        s.GetProperty("sample")[1].GetProperty("amount").GetDouble().Should().Be(20.25);
        result.Text().Should().Contain("3 rows × 3 columns");
        result.ShouldCarryItsNextSteps("analyze_dataframe");
        result.NextSteps().Should().Equal(
            "Profile the table with analyze_dataframe (table=\"sales\"), or get fixes with suggest_transformations.",
            "Query it with data_query, e.g. SELECT * FROM \"sales\" LIMIT 10.");
    }

    [Fact]
    public async Task Load_SkipsThenRefreshes_WhenFileIsReloadedUnchangedThenChanged()
    {
        var path = WriteFile("a.csv", "x\n1\n2\n");
        (await LoadAsync(path)).GetProperty("status").GetString().Should().Be("created");
        (await LoadAsync(path)).GetProperty("status").GetString().Should().Be("unchanged");
        File.WriteAllText(path, "x\n1\n2\n3\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var refreshed = await LoadAsync(path);
        refreshed.GetProperty("status").GetString().Should().Be("refreshed");
        refreshed.GetProperty("rows").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task Load_ReadsTsvParquetNdjsonAndGlobs()
    {
        WriteFile("t.tsv", "a\tb\n1\tx\n2\ty\n");
        (await LoadAsync(Path.Combine(DataRoot, "t.tsv"))).GetProperty("rows").GetInt64().Should().Be(2);
        DuckDb($"COPY (SELECT range AS n, range * 2 AS twice FROM range(100)) TO '{DataRoot}/p.parquet' (FORMAT parquet)");
        var parquet = await LoadAsync(Path.Combine(DataRoot, "p.parquet"));
        parquet.GetProperty("rows").GetInt64().Should().Be(100);
        WriteFile("e.ndjson", "{\"k\": 1, \"v\": \"a\"}\n{\"k\": 2, \"v\": \"b\"}\n");
        (await LoadAsync(Path.Combine(DataRoot, "e.ndjson"))).GetProperty("rows").GetInt64().Should().Be(2);
        WriteFile("parts/p1.csv", "x,y\n1,2\n");
        WriteFile("parts/p2.csv", "x,y\n3,4\n5,6\n");
        var glob = await LoadAsync(Path.Combine(DataRoot, "parts/*.csv"), new { table = "parts" });
        glob.GetProperty("rows").GetInt64().Should().Be(3);
        glob.GetProperty("files").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Load_ReadsChosenExcelSheetWithInferredTypes()
    {
        var path = Path.Combine(DataRoot, "book.xlsx");
        XlsxWriter.Write(path, [("First", [["a"], [1.0]]), ("Prices", [["item", "price"], ["tea", 2.5], ["cake", 4.0]])]);
        var s = await LoadAsync(path, new { sheet = "Prices" });
        s.GetProperty("rows").GetInt64().Should().Be(2);
        s.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()).Should().Equal("VARCHAR", "DOUBLE");
        s.GetProperty("detected").GetProperty("sheet").GetString().Should().Be("Prices");
    }

    [Fact]
    public async Task Load_ReadsSqliteAndDuckDbFiles()
    {
        var sqlite = Path.Combine(DataRoot, "shop.sqlite");
        using (var c = new SqliteConnection($"Data Source={sqlite};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE orders(id INTEGER, total REAL, note TEXT); INSERT INTO orders VALUES (1, 9.5, 'a'), (2, 3, NULL);";
            cmd.ExecuteNonQuery();
        }

        var s = await LoadAsync(sqlite);
        s.GetProperty("rows").GetInt64().Should().Be(2);
        s.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()).Should().Equal("BIGINT", "DOUBLE", "VARCHAR");
        var duck = Path.Combine(DataRoot, "other.duckdb");
        DuckDb("CREATE TABLE measures AS SELECT range AS i FROM range(7)", duck);
        var d = await LoadAsync(duck, new { table = "measures" });
        d.GetProperty("rows").GetInt64().Should().Be(7);
    }

    [Fact]
    public async Task Load_ReportsError_WhenFileIsMissing()
    {
        var result = await CallAsync("data_load", new { path = Path.Combine(DataRoot, "nope.csv") });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("does not exist");
    }

    [Fact]
    public async Task Load_Refuses_WhenPathIsOutsideAllowedRoots()
    {
        var result = await CallAsync("data_load", new { path = "/etc/passwd", format = "csv" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("outside the allowed roots");
    }

    [Fact]
    public async Task Load_ReportsError_WhenFileIsEmpty()
    {
        var result = await CallAsync("data_load", new { path = WriteFile("empty.csv", "") });
        result.Text().Should().Contain("is empty");
    }

    [Fact]
    public async Task Load_ExplainsRaggedRows_AndLoadsThemWithIgnoreErrors()
    {
        var content = "a,b,c\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},{i},{i}\n")) + "1,2\n7,8,9,10,11\n";
        var path = WriteFile("ragged.csv", content);
        var result = await CallAsync("data_load", new { path });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ignore_errors");
        var loaded = await LoadAsync(path, new { ignore_errors = true });
        loaded.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Equal("a", "b", "c");
        loaded.GetProperty("rows").GetInt64().Should().BeInRange(50, 52); // 50 good rows, plus the padded short row; the long one may be skipped
    }

    [Fact]
    public async Task Load_ReadsLatin1_WhenEncodingIsGiven()
    {
        var path = Path.Combine(DataRoot, "latin.csv");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("name,n\nJosé,1\nZoë,2\n"));
        var s = await LoadAsync(path, new { encoding = "latin-1" });
        s.GetProperty("sample")[0].GetProperty("name").GetString().Should().Be("José");
    }

    [Fact]
    public async Task Load_ExplainsEncoding_WhenLatin1FileIsReadAsUtf8()
    {
        var path = Path.Combine(DataRoot, "latin-bad.csv");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("name,n\nJosé,1\nZoë,2\n"));
        var result = await CallAsync("data_load", new { path });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("encoding=\"latin-1\"");
    }

    [Fact]
    public async Task Load_KeepsHeaderOnlyFileAsEmptyTable_AndStripsBom()
    {
        var path = Path.Combine(DataRoot, "bom.csv");
        File.WriteAllText(path, "\uFEFFalpha,beta\n1,2\n", new System.Text.UTF8Encoding(true));
        (await LoadAsync(path)).GetProperty("columns")[0].GetProperty("name").GetString().Should().Be("alpha");
    }
}
