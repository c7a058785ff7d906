using System.Text.Json;
using McpFlow.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Tools;

public sealed class ReportAndExportToolsTests : DataServerTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LoadAsync(WriteFile("sales.csv", "region,amount,units\nN,10,1\nS,20,2\nN,30,3\nS,1000,4\nN,,5\n"));
    }

    [Fact]
    public async Task Report_WritesMarkdownHtmlAndJson_AndLinksTheResource()
    {
        var result = await CallOkAsync("generate_eda_report", new { table = "sales" });
        var s = result.Structured();
        var files = s.GetProperty("files");
        File.ReadAllText(files.GetProperty("markdown").GetString()!).Should().Contain("# EDA report: sales").And.Contain("## Recommendations");
        var html = File.ReadAllText(files.GetProperty("html").GetString()!);
        html.Should().Contain("<h2>Correlations</h2>").And.Contain("data:image/png;base64,");
        using var json = JsonDocument.Parse(File.ReadAllText(files.GetProperty("json").GetString()!));
        json.RootElement.GetProperty("profile").GetProperty("rows").GetInt64().Should().Be(5);
        s.GetProperty("charts").GetArrayLength().Should().BeGreaterThanOrEqualTo(3);
        var link = result.Content.OfType<ResourceLinkBlock>().Single();
        var read = await Client.ReadResourceAsync(link.Uri);
        read.Contents.OfType<TextResourceContents>().Single().Text.Should().Contain("| amount |");
        result.ShouldCarryItsNextSteps("suggest_transformations");
        result.NextSteps()[0].Should().Be($"Read the report as resource {link.Uri}.");
    }

    [Fact]
    public async Task Report_ReportsError_WhenFormatIsUnknown()
    {
        var result = await CallAsync("generate_eda_report", new { table = "sales", formats = new[] { "pdf" } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("unknown report format 'pdf'");
    }

    [Fact]
    public async Task Export_WritesCsvAndParquet_ThatReadBack()
    {
        var csv = Path.Combine(DataRoot, "out", "sales.csv");
        var r = (await CallOkAsync("data_export", new { path = csv, table = "sales" })).Structured();
        r.GetProperty("rows").GetInt64().Should().Be(5);
        File.ReadAllLines(csv)[0].Should().Be("region,amount,units");
        var parquet = Path.Combine(DataRoot, "out", "north.parquet");
        await CallOkAsync("data_export", new { path = parquet, sql = "SELECT * FROM sales WHERE region = 'N'" });
        await CallOkAsync("data_load", new { path = parquet, table = "north_back" });
        var back = await CallOkAsync("data_query", new { sql = "SELECT count(*), sum(units) FROM north_back" });
        back.Structured().GetProperty("rows")[0][1].GetDouble().Should().Be(9); // units 1 + 3 + 5
    }

    [Fact]
    public async Task Export_Refuses_OutsideRootsAndExistingFiles()
    {
        (await CallAsync("data_export", new { path = "/tmp/mcpflow-export-escape.csv", table = "sales" })).Text().Should().Contain("outside the allowed roots");
        var path = WriteFile("exists.csv", "x\n");
        (await CallAsync("data_export", new { path, table = "sales" })).Text().Should().Contain("already exists").And.Contain("overwrite=true");
        (await CallAsync("data_export", new { path = Path.Combine(DataRoot, "x.csv"), sql = "DELETE FROM sales" })).Text().Should().Contain("must be one query");
    }

    [Fact]
    public async Task TableResource_ReturnsDescriptionJson_AndUnknownTableFails()
    {
        var read = await Client.ReadResourceAsync("mcpflow://data/tables/sales");
        using var doc = JsonDocument.Parse(read.Contents.OfType<TextResourceContents>().Single().Text);
        doc.RootElement.GetProperty("rows").GetInt64().Should().Be(5);
        var act = async () => await Client.ReadResourceAsync("mcpflow://data/tables/ghost");
        (await act.Should().ThrowAsync<McpException>()).Which.Message.Should().Contain("No table named 'ghost'");
    }

    [Fact]
    public async Task ExplorePrompt_NamesTheDatasetAndTheTools()
    {
        var prompt = await Client.GetPromptAsync("explore_dataset", new Dictionary<string, object?> { ["dataset"] = "customers" });
        var text = string.Join("\n", prompt.Messages.Select(m => (m.Content as TextContentBlock)?.Text));
        text.Should().Contain("\"customers\"").And.Contain("analyze_dataframe").And.Contain("suggest_transformations");
    }
}
