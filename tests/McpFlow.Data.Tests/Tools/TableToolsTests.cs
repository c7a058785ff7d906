using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

public sealed class TableToolsTests : DataServerTestBase
{
    [Fact]
    public async Task ListTables_ShowsLoadedTableWithCounts()
    {
        await LoadAsync(WriteFile("people.csv", "name,age\nAna,31\nBo,42\n"));
        var result = await CallOkAsync("data_list_tables");
        var table = result.Structured().GetProperty("tables")[0];
        table.GetProperty("name").GetString().Should().Be("people");
        table.GetProperty("rows").GetInt64().Should().Be(2);
        table.GetProperty("columns").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task DescribeTable_ReturnsSchemaSourceAndSample()
    {
        var path = WriteFile("people.csv", "name,age\nAna,31\nBo,42\n");
        await LoadAsync(path);
        var result = await CallOkAsync("data_describe_table", new { table = "PEOPLE", sample_rows = 1 });
        var s = result.Structured();
        s.GetProperty("name").GetString().Should().Be("people");
        s.GetProperty("rows").GetInt64().Should().Be(2);
        s.GetProperty("source").GetProperty("path").GetString().Should().Be(path);
        s.GetProperty("sample").GetArrayLength().Should().Be(1);
        s.GetProperty("sourceChanged").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task DescribeTable_ReportsError_WhenTableIsUnknown()
    {
        var result = await CallAsync("data_describe_table", new { table = "ghost" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No table named 'ghost'").And.Contain("data_list_tables");
    }
}
