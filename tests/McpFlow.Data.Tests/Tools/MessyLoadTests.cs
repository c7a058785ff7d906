using McpFlow.Data.Tests.Fixtures;
using McpFlow.Data.Tests.Loading;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 14: missing markers are NULL at load time and numeric columns holding them keep their type;
/// workbooks are typed as the CSV of the same data. Expected counts come from the generated table's truths.</summary>
public sealed class MessyLoadTests : DataServerTestBase
{
    private static Dictionary<string, string> Types(System.Text.Json.JsonElement load) =>
        load.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString()!);

    private async Task<long> NullCount(string table, string column) =>
        (await CallOkAsync("data_query", new { sql = $"SELECT count(*) FROM {table} WHERE {column} IS NULL" })).Structured().GetProperty("rows")[0][0].GetInt64();

    [Fact]
    public async Task Load_ReadsMissingMarkersAsNull_SoNumberColumnsStayNumbers()
    {
        var messy = new MessySalesTable();
        var load = await LoadAsync(WriteFile("sales.csv", messy.Csv()));
        var types = Types(load);
        // quantity and satisfaction hold "N/A" where the truth is missing: without markers DuckDB types them VARCHAR.
        types["quantity"].Should().Be("BIGINT");
        types["satisfaction"].Should().Be("DOUBLE");
        (await NullCount("sales", "quantity")).Should().Be(messy.Rows.Count(r => r.Quantity is null));
        (await NullCount("sales", "satisfaction")).Should().Be(messy.Rows.Count(r => r.Satisfaction is null));
        // price keeps its text (it is written "262,27"), but its markers ("-", "N/A", blank, " ", "NULL", "n/a") are NULL.
        types["price"].Should().Be("VARCHAR");
        (await NullCount("sales", "price")).Should().Be(messy.Rows.Count(r => r.Price is null));
        (await NullCount("sales", "discount")).Should().Be(messy.Rows.Count(r => r.Discount is null));
        // postal codes with leading zeros stay text.
        types["postal_code"].Should().Be("VARCHAR");
    }

    [Fact]
    public async Task Load_KeepsEveryValue_WhenMissingMarkersIsEmpty()
    {
        var load = await LoadAsync(WriteFile("raw.csv", "q,s\n1,a\nN/A,-\n3,c\n"), new { missing_markers = Array.Empty<string>() });
        Types(load)["q"].Should().Be("VARCHAR");
        (await NullCount("raw", "s")).Should().Be(0);
    }

    [Fact]
    public async Task Load_UsesTheConfiguredMarkers_Only()
    {
        var load = await LoadAsync(WriteFile("custom.csv", "q,s\n1,a\nunknown,-\n3,c\n"), new { missing_markers = new[] { "unknown" } });
        Types(load)["q"].Should().Be("BIGINT");
        (await NullCount("custom", "q")).Should().Be(1);
        (await NullCount("custom", "s")).Should().Be(0);
    }

    [Fact]
    public async Task Load_TypesWorkbookBooleansAndTimestamps_AsTheCsvOfTheSameDataIsTyped()
    {
        object?[][] rows =
        [
            ["flag", "at", "amount", "note"],
            ["TRUE", "2024-03-25 10:00:00", 1.5, "N/A"],
            ["false", "2024-03-26 11:30:00", 2.5, "x"],
            ["True", "2024-03-27T12:00:00", "-", "y"],
        ];
        var xlsx = Path.Combine(DataRoot, "book.xlsx");
        XlsxWriter.Write(xlsx, [("Sheet1", rows)]);
        var csv = WriteFile("book.csv", "flag,at,amount,note\nTRUE,2024-03-25 10:00:00,1.5,N/A\nfalse,2024-03-26 11:30:00,2.5,x\nTrue,2024-03-27T12:00:00,-,y\n");
        var fromExcel = Types(await LoadAsync(xlsx, new { table = "from_excel" }));
        var fromCsv = Types(await LoadAsync(csv, new { table = "from_csv" }));
        fromExcel.Should().Equal(fromCsv);
        fromExcel["flag"].Should().Be("BOOLEAN");
        fromExcel["at"].Should().Be("TIMESTAMP");
        fromExcel["amount"].Should().Be("DOUBLE");
        (await NullCount("from_excel", "note")).Should().Be(1);
    }
}
