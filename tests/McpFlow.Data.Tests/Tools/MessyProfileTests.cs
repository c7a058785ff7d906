using System.Text.Json;
using McpFlow.Data.Storage;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 14: the profile of a messy European sales table. Expected values come from the generated table's
/// truths (<see cref="MessySalesTable"/>), never from the code under test.</summary>
public sealed class MessyProfileTests : DataServerTestBase
{
    private readonly MessySalesTable _messy = new();

    private static JsonElement Column(JsonElement profile, string name) =>
        profile.GetProperty("columns").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    private static List<(string Kind, string Column, string Message)> Alerts(JsonElement profile) =>
        profile.GetProperty("alerts").EnumerateArray()
            .Select(a => (a.GetProperty("kind").GetString()!, a.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "", a.GetProperty("message").GetString()!))
            .ToList();

    private async Task<JsonElement> ProfileAsync()
    {
        await LoadAsync(WriteFile("sales.csv", _messy.Csv()));
        return (await CallOkAsync("analyze_dataframe", new { table = "sales" })).Structured();
    }

    [Fact]
    public async Task Analyze_StatesTheDecimalComma_AndCountsMissingPricesAsTheTruthHasThem()
    {
        var profile = await ProfileAsync();
        var price = Column(profile, "price");
        price.GetProperty("semanticType").GetString().Should().Be("numeric_as_text");
        price.GetProperty("missing").GetInt64().Should().Be(_messy.Rows.Count(r => r.Price is null));
        var number = price.GetProperty("text").GetProperty("number");
        number.GetProperty("status").GetString().Should().Be("decided");
        number.GetProperty("decimalSeparator").GetString().Should().Be(",");
        var discount = Column(profile, "discount");
        discount.GetProperty("text").GetProperty("number").GetProperty("evidence").GetProperty("percent").GetInt64()
            .Should().Be(_messy.Rows.Count(r => r.Discount is not null));
        discount.GetProperty("min").GetString().Should().NotBe("-");
        discount.GetProperty("topValues").EnumerateArray().Select(v => v.GetProperty("value").GetString()).Should().NotContain("-");
    }

    [Fact]
    public async Task Analyze_FlagsCodesSpellingsAndDates_AndSparesTheFlagColumn()
    {
        var profile = await ProfileAsync();
        Column(profile, "postal_code").GetProperty("semanticType").GetString().Should().Be("code");
        // 5 cities × 4 spellings (as is, lower, upper, padded with spaces) = 20 raw values for 5 categories.
        var spellings = _messy.Rows.Select(r => r.CityText).Distinct().Count();
        spellings.Should().Be(20);
        Alerts(profile).Should().Contain(a => a.Kind == "inconsistent_categories" && a.Column == "city" && a.Message.Contains("20 raw values for 5 categories"));
        // Dates are written ISO, dd/MM/yyyy, "Mar 5, 2024" and "05 Mar 2024": the numeric ones are day-first.
        var dates = Column(profile, "order_date").GetProperty("text").GetProperty("dates");
        dates.GetProperty("status").GetString().Should().Be("decided");
        dates.GetProperty("order").GetString().Should().Be("day-first");
        // returned is a 0/1 flag with 4% ones: an imbalance, not outliers or skew.
        Alerts(profile).Where(a => a.Column == "returned").Select(a => a.Kind).Should().NotContain(["outliers", "skewed"]);
        var rating = Column(profile, "rating");
        rating.GetProperty("missingShare").GetDouble().Should().BeApproximately((double)_messy.Rows.Count(r => r.Rating is null) / _messy.Rows.Count, 1e-12);
    }

    [Fact]
    public async Task Analyze_CountsMissingMarkersAsMissing_InATableMadeWithoutALoad()
    {
        // A table written by SQL never went through the load's marker pass: the profile still reads the markers as missing.
        using (var connection = Services.GetRequiredService<DataDatabase>().Open())
            DataDatabase.Execute(connection, "CREATE TABLE made AS SELECT * FROM (VALUES ('b', 1), ('-', 2), ('N/A', 3), (' n/a ', 4), ('', 5), ('a', 6), ('b', 7)) t(s, k)");
        var profile = (await CallOkAsync("analyze_dataframe", new { table = "made" })).Structured();
        var s = Column(profile, "s");
        s.GetProperty("missing").GetInt64().Should().Be(4);   // '-', 'N/A', ' n/a ', '' (by hand)
        s.GetProperty("markers").GetInt64().Should().Be(4);
        s.GetProperty("min").GetString().Should().Be("a");
        s.GetProperty("topValues").EnumerateArray().Select(v => v.GetProperty("value").GetString()).Should().Equal("b", "a");
        Alerts(profile).Should().Contain(a => a.Kind == "missing_markers" && a.Column == "s");
    }

    [Fact]
    public async Task Analyze_CountsSmallDistinctsExactly_AboveTheExactRowLimit_AndLabelsTheEstimates()
    {
        // 150,000 rows: cat has exactly 50 values (range % 50), id 150,000 (range): by construction.
        DuckDb($"COPY (SELECT range AS id, range % 50 AS cat FROM range(150000)) TO '{DataRoot}/big.parquet' (FORMAT parquet)");
        await LoadAsync(Path.Combine(DataRoot, "big.parquet"));
        var result = await CallOkAsync("analyze_dataframe", new { table = "big" });
        var profile = result.Structured();
        Column(profile, "cat").GetProperty("distinct").GetInt64().Should().Be(50);
        Column(profile, "cat").GetProperty("distinctApproximate").GetBoolean().Should().BeFalse();
        Column(profile, "id").GetProperty("distinctApproximate").GetBoolean().Should().BeTrue();
        result.Text().Should().Contain("HyperLogLog estimates, standard error about 13%");
    }
}
