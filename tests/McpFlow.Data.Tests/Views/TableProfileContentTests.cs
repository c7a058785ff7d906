using System.Globalization;
using System.Text.Json;
using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Views;

/// <summary>The table profile view shows what the answers' texts carry: from analyze_dataframe's result the sizes, the
/// column table and the alerts; from generate_eda_report's result the report's name, summary, counts and files.
/// Histograms, top values, correlations, the missing-value matrix and whatever a thinned result left out it fetches with
/// data_query (tested in the browser harness, tools/apps-harness).</summary>
public sealed class TableProfileContentTests : DataServerTestBase
{
    [Fact]
    public async Task AnalyzeText_CarriesTheColumnTableAndAlerts_AndLinksTheFullProfileTheViewDraws()
    {
        // amount: 1, 2, 3, 4, 100 and one blank (1 missing of 6 rows, right-skewed); city: three values, "x" three times.
        await LoadAsync(WriteFile("shop.csv", "amount,city\n1,x\n2,x\n3,y\n4,x\n100,z\n,y\n"));
        var result = await CallOkAsync("analyze_dataframe", new { table = "shop" });
        var text = result.Content.OfType<TextContentBlock>().First().Text;
        var s = result.Structured();

        text.Should().StartWith($"shop: {s.GetProperty("rows").GetInt64()} rows, {s.GetProperty("columnCount").GetInt32()} columns");
        foreach (var c in s.GetProperty("columns").EnumerateArray())
        {
            // The view's row: name, type (semantic and DuckDB), missing count (and its share of the rows), distinct count.
            var row = $"| {c.GetProperty("name").GetString()} | {c.GetProperty("type").GetString()} | {c.GetProperty("semanticType").GetString()} | " +
                $"{c.GetProperty("missing").GetInt64().ToString("N0", CultureInfo.InvariantCulture)} | {c.GetProperty("distinct").GetInt64().ToString("N0", CultureInfo.InvariantCulture)} |";
            text.Should().Contain(row);
        }

        s.GetProperty("columns")[0].GetProperty("missing").GetInt64().Should().Be(1); // the blank amount
        foreach (var a in s.GetProperty("alerts").EnumerateArray())
            text.Should().Contain($"[{a.GetProperty("kind").GetString()}] {a.GetProperty("message").GetString()}");

        // Histograms, top values and correlations: the view fetches them with data_query; the structured profile, which
        // still carries them for every client, is the full profile the text links (nothing was thinned for this table).
        var uri = s.GetProperty("fullProfile").GetProperty("resource").GetString()!;
        text.Should().Contain(uri);
        s.TryGetProperty("omitted", out _).Should().BeFalse();
        var full = JsonDocument.Parse(((TextResourceContents)(await Client.ReadResourceAsync(uri)).Contents[0]).Text).RootElement;
        foreach (var part in new[] { "columns", "correlations" })
            JsonSerializer.Serialize(full.GetProperty(part)).Should().Be(JsonSerializer.Serialize(s.GetProperty(part)), part);
        var city = full.GetProperty("columns")[1].GetProperty("topValues")[0];
        (city.GetProperty("value").GetString(), city.GetProperty("count").GetInt64()).Should().Be(("x", 3L)); // counted by hand above
    }

    [Fact]
    public async Task EdaReportText_CarriesWhatTheViewShowsOfItsResult()
    {
        await LoadAsync(WriteFile("shop.csv", "amount,city\n1,x\n2,x\n3,y\n4,x\n100,z\n,y\n"));
        var result = await CallOkAsync("generate_eda_report", new { table = "shop", formats = new[] { "json" } });
        var text = result.Content.OfType<TextContentBlock>().First().Text;
        var s = result.Structured();

        // The view's header: "EDA report of <table>", the report's name, alert and recommendation counts, summary, files.
        s.GetProperty("table").GetString().Should().Be("shop");
        text.Should().Contain($"Report '{s.GetProperty("name").GetString()}' written").And.Contain(s.GetProperty("summary").GetString())
            .And.Contain($"{s.GetProperty("alerts").GetInt32()} alerts").And.Contain($"{s.GetProperty("recommendations").GetInt32()} recommendations");
        foreach (var file in s.GetProperty("files").EnumerateObject())
            text.Should().Contain($"- {file.Name}: {file.Value.GetString()}");
    }
}
