using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 14's data co-pilot cases replayed on fresh data (<see cref="FreshInvoiceTable"/>: a semicolon-
/// delimited German invoice export, another generator and other quirks than the messy sales table). Every expected
/// value is computed here from the generator's truths, never from the code under test.</summary>
public sealed class InvoiceFreshDataTests : DataServerTestBase
{
    private readonly FreshInvoiceTable _fresh = new();
    private JsonElement _load;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _load = await LoadAsync(WriteFile("rechnungen.csv", _fresh.Csv()), new { table = "inv" });
    }

    private static JsonElement Column(JsonElement profile, string name) =>
        profile.GetProperty("columns").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    private async Task<JsonElement> Apply(object arguments) => (await CallOkAsync("data_apply_transformation", arguments)).Structured();

    // rechnung_nr → the column's value, read directly (duplicate rows repeat their original, so they agree).
    private Dictionary<int, object?> ByInvoice(string column)
    {
        using var connection = Services.GetRequiredService<DataDatabase>().Open();
        return DataDatabase.Rows(connection, $"SELECT rechnung_nr, {SqlQuote.Id(column)} FROM inv", r => (Id: r.GetInt32(0), Value: r.IsDBNull(1) ? null : r.GetValue(1)))
            .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Value);
    }

    private async Task<long> NullCount(string column) =>
        (await CallOkAsync("data_query", new { sql = $"SELECT count(*) FROM inv WHERE {column} IS NULL" })).Structured().GetProperty("rows")[0][0].GetInt64();

    [Fact]
    public async Task Load_CountsEveryMarkerAsMissing_AndKeepsNumberColumnsNumbers()
    {
        var columns = (await CallOkAsync("data_describe_table", new { table = "inv" })).Structured().GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString()!);
        columns["liefertage"].Should().Be("BIGINT", "its only non-numbers are 'NULL', 'n/a', '-' and 'N/A'");
        columns["bewertung"].Should().Be("BIGINT");
        columns["plz"].Should().Be("VARCHAR", "postal codes with leading zeros stay text");
        columns["gewicht"].Should().Be("VARCHAR", "'1.250' is 1.25 or 1,250 in a file whose decimals are written with ',': not guessed");
        columns["netto"].Should().Be("DOUBLE", "values such as '123.45' can only be decimals");
        _load.GetProperty("detected").GetProperty("ambiguous_numbers").GetString().Should().StartWith("gewicht (values such as").And.Contain("as in betrag");
        (await NullCount("liefertage")).Should().Be(_fresh.Rows.Count(r => r.DeliveryDays is null));
        (await NullCount("bewertung")).Should().Be(_fresh.Rows.Count(r => r.Rating is null));
        (await NullCount("betrag")).Should().Be(_fresh.Rows.Count(r => r.Amount is null), "'NULL', 'n/a', '-', 'N/A', blank and a tab are missing");
        (await NullCount("rabatt")).Should().Be(_fresh.Rows.Count(r => r.Discount is null));
    }

    [Fact]
    public async Task Profile_CountsMarkersAsMissing_AndNeverShowsOneAsAValue()
    {
        var profile = (await CallOkAsync("analyze_dataframe", new { table = "inv" })).Structured();
        var betrag = Column(profile, "betrag");
        betrag.GetProperty("missing").GetInt64().Should().Be(_fresh.Rows.Count(r => r.Amount is null));
        betrag.GetProperty("semanticType").GetString().Should().Be("numeric_as_text");
        var number = betrag.GetProperty("text").GetProperty("number");
        number.GetProperty("status").GetString().Should().Be("decided");
        number.GetProperty("decimalSeparator").GetString().Should().Be(",");
        var rabatt = Column(profile, "rabatt");
        rabatt.GetProperty("missing").GetInt64().Should().Be(_fresh.Rows.Count(r => r.Discount is null));
        rabatt.GetProperty("topValues").EnumerateArray().Select(v => v.GetProperty("value").GetString()).Should().NotContain(["-", "n/a"]);
        Column(profile, "gewicht").GetProperty("text").GetProperty("number").GetProperty("status").GetString().Should().Be("ambiguous",
            "every weight is '1.250'-like or a plain integer: nothing says whether '.' groups thousands");
        Column(profile, "plz").GetProperty("semanticType").GetString().Should().Be("code");
        var dates = Column(profile, "datum").GetProperty("text").GetProperty("dates");
        dates.GetProperty("status").GetString().Should().Be("decided");
        dates.GetProperty("order").GetString().Should().Be("day-first");
    }

    [Fact]
    public async Task Profile_FlagsStatusSpellings_AndNoOutliersOnTheReminderFlag()
    {
        var result = await CallOkAsync("analyze_dataframe", new { table = "inv" });
        var alerts = result.Structured().GetProperty("alerts").EnumerateArray()
            .Select(a => (Kind: a.GetProperty("kind").GetString()!, Column: a.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "", Message: a.GetProperty("message").GetString()!))
            .ToList();
        var spellings = _fresh.Rows.Select(r => r.StatusText).Distinct().Count();
        spellings.Should().Be(15, "3 statuses × 5 spellings");
        alerts.Should().Contain(a => a.Kind == "inconsistent_categories" && a.Column == "status" && a.Message.Contains($"{spellings} raw values for 3 categories"));
        alerts.Where(a => a.Column == "mahnung").Select(a => a.Kind).Should().NotContain(["outliers", "skewed"]);
    }

    [Fact]
    public async Task ToNumber_ReadsEveryAmount_CreditNotesAndCurrencyCodesIncluded_AndSaysWhichSeparator()
    {
        var result = await Apply(new { table = "inv", operation = "to_number", column = "betrag" });
        result.GetProperty("spec").GetProperty("text").GetString().Should().Be(",");
        result.GetProperty("newNulls").GetInt64().Should().Be(0);
        result.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.Contains("decimal separator ',' (comma)"));
        var parsed = ByInvoice("betrag_num");
        var wrong = _fresh.Distinct.Where(r => r.Amount is { } a ? parsed[r.InvoiceNo] is not double d || Math.Abs(d - a) > 1e-9 : parsed[r.InvoiceNo] is not null).ToList();
        wrong.Should().BeEmpty("every amount, '-45,10', '€ 10,62', 'EUR 99,00', '1.281,28' or '1.234', reads as its true value");
    }

    [Fact]
    public async Task ToNumber_ReadsPercentWithASpace_AsAFraction()
    {
        await Apply(new { table = "inv", operation = "to_number", column = "rabatt" });
        var parsed = ByInvoice("rabatt_num");
        _fresh.Distinct.Where(r => r.Discount is not null).Should().OnlyContain(r => Math.Abs((double)parsed[r.InvoiceNo]! - r.Discount!.Value) < 1e-12);
    }

    [Fact]
    public async Task ToNumber_RefusesToGuess_WhenNothingDecidesTheSeparator_AndReadsWhatTheUserChooses()
    {
        var refused = await CallAsync("data_apply_transformation", new { table = "inv", operation = "to_number", column = "gewicht" });
        refused.IsError.Should().BeTrue();
        refused.Text().Should().Contain("can be read two ways");
        // The advice reads one of the column's own values both ways ("1.250" kg-style: 1.25 or 1250), not a made-up '1,234'.
        refused.Text().Should().MatchRegex(@"text="","" if ',' is the decimal separator \('\d+\.\d{3}' = \d+\)")
            .And.MatchRegex(@"text=""\."" if it is '\.' \('\d+\.\d{3}' = \d+(\.\d+)?\)").And.NotContain("'1,234'");
        // The user says '.' groups thousands (kilograms written as grams): every value then reads as its grams.
        await Apply(new { table = "inv", operation = "to_number", column = "gewicht", text = "," });
        var grams = ByInvoice("gewicht_num");
        _fresh.Distinct.Should().OnlyContain(r => (double)grams[r.InvoiceNo]! == r.WeightGrams);
    }

    [Fact]
    public async Task ToNumber_RefusesPostalCodes()
    {
        var refused = await CallAsync("data_apply_transformation", new { table = "inv", operation = "to_number", column = "plz" });
        refused.IsError.Should().BeTrue();
        refused.Text().Should().Contain("leading zeros");
    }

    [Fact]
    public async Task ParseDate_CoalescesFiveFormats_DottedDatesDayFirst()
    {
        var result = await Apply(new { table = "inv", operation = "parse_date", column = "datum" });
        result.GetProperty("newNulls").GetInt64().Should().Be(0);
        var parsed = ByInvoice("datum_date");
        _fresh.Distinct.Where(r => CellValues.ToText(parsed[r.InvoiceNo]) != r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(r => r.DateText).Should().BeEmpty();
    }

    [Fact]
    public async Task NormalizeText_MergesTheFifteenSpellings_IntoThreeStatuses()
    {
        await Apply(new { table = "inv", operation = "normalize_text", column = "status" });
        var normalized = ByInvoice("status_norm");
        _fresh.Distinct.Should().OnlyContain(r => string.Equals((string?)normalized[r.InvoiceNo], r.Status, StringComparison.OrdinalIgnoreCase));
        normalized.Values.Distinct().Should().HaveCount(3);
    }

    [Fact]
    public async Task ExplicitOperations_ComputeTheirOwnParameters()
    {
        // min and max of netto over all rows, and the median of the delivery days that are not missing (duplicates
        // included: they are rows of the table), computed here from the truths.
        var net = _fresh.Rows.Select(r => r.Net).ToArray();
        var minMax = (await Apply(new { table = "inv", operation = "min_max", column = "netto" })).GetProperty("spec").GetProperty("parameters");
        minMax.GetProperty("min").GetDouble().Should().Be(net.Min());
        minMax.GetProperty("max").GetDouble().Should().Be(net.Max());
        var days = _fresh.Rows.Where(r => r.DeliveryDays is not null).Select(r => (double)r.DeliveryDays!.Value).Order().ToArray();
        var median = days.Length % 2 == 1 ? days[days.Length / 2] : (days[(days.Length / 2) - 1] + days[days.Length / 2]) / 2;
        var impute = await Apply(new { table = "inv", operation = "impute_median", column = "liefertage" });
        impute.GetProperty("spec").GetProperty("parameters").GetProperty("value").GetDouble().Should().Be(median);
        (await NullCount("liefertage_filled")).Should().Be(0);
    }
}
