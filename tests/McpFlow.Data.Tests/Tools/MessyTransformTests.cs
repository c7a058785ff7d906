using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 14: explicit operations on a messy European sales table read numbers and dates the way they are
/// written and compute their own parameters. Expected values come from the generated table's truths
/// (<see cref="MessySalesTable"/>), or are computed here in C# from them.</summary>
public sealed class MessyTransformTests : DataServerTestBase
{
    private readonly MessySalesTable _messy = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LoadAsync(WriteFile("sales.csv", _messy.Csv()));
    }

    // order_id → the new column's value (read directly: data_query answers at most 500 rows); duplicate rows repeat
    // their original, so they agree.
    private Dictionary<int, object?> ByOrder(string column)
    {
        using var connection = Services.GetRequiredService<DataDatabase>().Open();
        return DataDatabase.Rows(connection, $"SELECT order_id, {SqlQuote.Id(column)} FROM sales", r => (Id: r.GetInt32(0), Value: r.IsDBNull(1) ? null : r.GetValue(1)))
            .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Value);
    }

    private async Task<JsonElement> Apply(object arguments) => (await CallOkAsync("data_apply_transformation", arguments)).Structured();

    [Fact]
    public async Task ToNumber_ReadsEveryEuropeanPriceAsItsTrueValue_WithoutBeingTold()
    {
        var result = await Apply(new { table = "sales", operation = "to_number", column = "price" });
        result.GetProperty("newNulls").GetInt64().Should().Be(0);
        result.GetProperty("spec").GetProperty("text").GetString().Should().Be(",");
        var parsed = ByOrder("price_num");
        var wrong = _messy.Distinct.Count(r => r.Price is { } p ? parsed[r.OrderId] is not double d || Math.Abs(d - p) > 1e-9 : parsed[r.OrderId] is not null);
        wrong.Should().Be(0, "every price, written \"262,27\", \"1.281,28\", \"€10,62\" or \"10,62 €\", reads as its true value");
    }

    [Fact]
    public async Task ToNumber_ReadsPercentagesAsFractions()
    {
        await Apply(new { table = "sales", operation = "to_number", column = "discount" });
        var parsed = ByOrder("discount_num");
        _messy.Distinct.Where(r => r.Discount is not null).Should().OnlyContain(r => Math.Abs((double)parsed[r.OrderId]! - r.Discount!.Value) < 1e-12);
    }

    [Fact]
    public async Task ToNumber_RefusesPostalCodes_ThatWouldLoseTheirLeadingZeros()
    {
        var result = await CallAsync("data_apply_transformation", new { table = "sales", operation = "to_number", column = "postal_code" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("leading zeros");
    }

    [Fact]
    public async Task ParseDate_ReadsEveryFormatOfTheColumn_DayFirst_AndCountsWhatItCouldNotRead()
    {
        var result = await Apply(new { table = "sales", operation = "parse_date", column = "order_date" });
        var unreadable = _messy.Rows.Count(r => r.Date is null);   // the rows written "soon"
        result.GetProperty("newNulls").GetInt64().Should().Be(unreadable);
        var parsed = ByOrder("order_date_date");
        _messy.Distinct.Where(r => r.Date is not null)
            .Count(r => CellValues.ToText(parsed[r.OrderId]) != r.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Should().Be(0);
    }

    [Fact]
    public async Task Standardize_ComputesMeanAndStd_WhenTheyAreLeftOut()
    {
        // Sample mean and std (n − 1) of amount_net over every row, duplicates included, computed here from the truths.
        var values = _messy.Rows.Select(r => r.AmountNet).ToArray();
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var result = await Apply(new { table = "sales", operation = "standardize", column = "amount_net" });
        var parameters = result.GetProperty("spec").GetProperty("parameters");
        parameters.GetProperty("mean").GetDouble().Should().BeApproximately(mean, 1e-9 * Math.Abs(mean));
        parameters.GetProperty("std").GetDouble().Should().BeApproximately(std, 1e-9 * std);
        result.GetProperty("notes").EnumerateArray().Should().Contain(n => n.GetString()!.Contains("computed on the server"));
        var z = ByOrder("amount_net_z");
        var first = _messy.Rows[0];
        ((double)z[first.OrderId]!).Should().BeApproximately((first.AmountNet - mean) / std, 1e-9);
    }

    [Fact]
    public async Task NormalizeText_MergesCaseAndSpaceVariants_IntoFiveCities()
    {
        await Apply(new { table = "sales", operation = "normalize_text", column = "city" });
        var normalized = ByOrder("city_norm");
        _messy.Distinct.Should().OnlyContain(r => string.Equals((string?)normalized[r.OrderId], r.City, StringComparison.OrdinalIgnoreCase));
        normalized.Values.Distinct().Should().HaveCount(MessySalesTable.Cities.Length);
    }

    [Fact]
    public async Task ImputeMode_NeverFillsWithAMissingMarker()
    {
        using (var connection = Services.GetRequiredService<DataDatabase>().Open())
            DataDatabase.Execute(connection, "CREATE TABLE made AS SELECT * FROM (VALUES ('-'), ('-'), ('-'), ('N/A'), ('b'), ('b'), ('a')) t(s)");
        // '-' is the most frequent raw value (3 of 7) but a marker; 'b' (2) is the most frequent real value.
        var result = await Apply(new { table = "made", operation = "impute_mode", column = "s" });
        result.GetProperty("spec").GetProperty("text").GetString().Should().Be("b");
        var filled = (await CallOkAsync("data_query", new { sql = "SELECT s_filled, count(*) FROM made GROUP BY 1 ORDER BY 1" })).Structured().GetProperty("rows");
        filled.EnumerateArray().Select(r => (r[0].GetString(), r[1].GetInt64())).Should().Equal(("a", 1L), ("b", 6L));
        var refused = await CallAsync("data_apply_transformation", new { table = "made", operation = "impute_value", column = "s", text = "-" });
        refused.IsError.Should().BeTrue();
        refused.Text().Should().Contain("missing marker");
    }
}
