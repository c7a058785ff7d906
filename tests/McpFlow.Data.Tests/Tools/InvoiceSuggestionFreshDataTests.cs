using System.Text.Json;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 14's suggestion ranking replayed on fresh data (<see cref="FreshInvoiceTable"/>). The truths: betrag,
/// rabatt as numbers in text; gewicht ambiguous; datum mixed dates; status 15 spellings of 3 values; 90 duplicate rows;
/// waehrung constant; brutto = 1.19 × netto (± 0.3%); rechnung_nr unique; bewertung 84% missing; liefertage 7%
/// missing; plz codes with leading zeros; kunden_nr a customer number; mahnung a 0/1 flag.</summary>
public sealed class InvoiceSuggestionFreshDataTests : DataServerTestBase
{
    private readonly FreshInvoiceTable _fresh = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LoadAsync(WriteFile("rechnungen.csv", _fresh.Csv()), new { table = "inv" });
    }

    private async Task<List<JsonElement>> SuggestAsync(int? limit = null) =>
        (await CallOkAsync("suggest_transformations", limit is null ? new { table = "inv" } : new { table = "inv", limit = limit.Value }))
            .Structured().GetProperty("suggestions").EnumerateArray().ToList();

    private static string Id(JsonElement s) => s.GetProperty("id").GetString()!;

    [Fact]
    public async Task Suggest_ShowsBrokenDataFirst_WithinTheDefaultLimit()
    {
        var shown = await SuggestAsync();
        var order = new[] { "types", "duplicates", "redundant", "missing", "modelling" };
        shown.Select(s => Array.IndexOf(order, s.GetProperty("tier").GetString())).Should().BeInAscendingOrder().And.NotContain(-1);
        shown.Select(Id).Should().Contain(["to_number:betrag", "to_number:rabatt", "parse_date:datum", "normalize_text:status", "drop_duplicates:*",
            "drop_column:waehrung", "drop_column:brutto"]);
    }

    [Fact]
    public async Task Suggest_DestroysNothing_AndMisreadsNoColumn()
    {
        var all = await SuggestAsync(50);
        var ids = all.SelectMany(s => s.GetProperty("alternatives").EnumerateArray().Prepend(s)).Select(Id).ToList();
        ids.Should().NotContain(id => id.EndsWith(":plz", StringComparison.Ordinal), "postal codes keep their leading zeros");
        ids.Should().NotContain(id => id.EndsWith(":kunden_nr", StringComparison.Ordinal) && !id.StartsWith("drop_column", StringComparison.Ordinal), "a customer id is not a quantity");
        ids.Should().NotContain(id => id.EndsWith(":rechnung_nr", StringComparison.Ordinal) && id != "drop_column:rechnung_nr");
        ids.Should().NotContain(id => id.EndsWith(":mahnung", StringComparison.Ordinal), "a 0/1 flag has no outliers or skew");
        ids.Should().NotContain(["impute_median:bewertung", "impute_mean:bewertung", "impute_mode:bewertung"], "84% missing is too much to fill");
        // gewicht's separator is ambiguous: the suggestion asks for the choice, with both readings behind it.
        var weight = all.Single(s => Id(s) == "to_number:gewicht");
        weight.GetProperty("title").GetString().Should().Contain("choose the decimal separator first");
        weight.GetProperty("alternatives").EnumerateArray().Select(Id).Should().BeEquivalentTo("to_number:gewicht#comma", "to_number:gewicht#dot");
        ids.Should().NotContain(id => id.EndsWith(":gewicht", StringComparison.Ordinal) && !id.StartsWith("to_number", StringComparison.Ordinal),
            "numbers still stored as text are not skewed or scaled");
        ids.Should().NotContain(id => id.StartsWith("one_hot:", StringComparison.Ordinal) && id != "one_hot:status", "percent and amount texts are numbers, not categories");
        ids.Where(id => id.EndsWith(":brutto", StringComparison.Ordinal)).Should().Equal("drop_column:brutto");
        ids.Should().Contain(id => id.StartsWith("impute_m", StringComparison.Ordinal) && id.EndsWith(":liefertage", StringComparison.Ordinal));
        all.Select(Id).Count(id => id.EndsWith(":netto", StringComparison.Ordinal) && !id.StartsWith("standardize", StringComparison.Ordinal))
            .Should().BeLessThanOrEqualTo(1, "one best variant per column, the rest as alternatives");
    }
}
