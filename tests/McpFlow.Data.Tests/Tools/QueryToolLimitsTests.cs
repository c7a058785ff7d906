using McpFlow.Core.Configuration;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

public sealed class QueryToolLimitsTests : DataServerTestBase
{
    protected override void ConfigureOptions(McpFlowOptions options)
    {
        options.Sql.MaxCharacters = 300;
        options.Sql.AllowWrites = true;
    }

    [Fact]
    public async Task Query_CutsPageAtCharacterCap_AndOffersNextOffset()
    {
        var result = await CallOkAsync("data_query", new { sql = "SELECT range AS n, repeat('x', 20) AS pad FROM range(100)" });
        var s = result.Structured();
        s.GetProperty("truncatedBy").GetString().Should().Be("characters");
        var shown = s.GetProperty("rows").GetArrayLength();
        shown.Should().BeInRange(1, 20);
        s.GetProperty("nextOffset").GetInt64().Should().Be(shown);
    }

    [Fact]
    public async Task Query_ExecutesWrite_WhenWritesAreEnabled()
    {
        await LoadAsync(WriteFile("w.csv", "n\n1\n2\n"));
        var result = await CallOkAsync("data_query", new { sql = "DELETE FROM w WHERE n = 1" });
        result.Structured().GetProperty("rowsAffected").GetInt64().Should().Be(1);
        (await CallOkAsync("data_query", new { sql = "SELECT count(*) FROM w" })).Structured().GetProperty("rows")[0][0].GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Query_StillConfinesFiles_WhenWritesAreEnabled()
    {
        var result = await CallAsync("data_query", new { sql = "COPY (SELECT 1) TO '/tmp/mcpflow-write-escape.csv'" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("never allowed");
        File.Exists("/tmp/mcpflow-write-escape.csv").Should().BeFalse();
    }
}
