using System.Text.Json;
using McpFlow.Data.Storage;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Data.Transformations;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 14: the suggestion ranker on a messy European sales table. What a senior data scientist would
/// fix, in order (docs/data.md): types, duplicate rows, redundant columns, missing values, then modelling. The
/// columns' truths come from <see cref="MessySalesTable"/>: price/discount are numbers as text, order_date mixed
/// dates, city 20 spellings of 5 values, 80 duplicate rows, channel constant, amount_gross = 1.2 × amount_net
/// (± 0.5%), order_id unique, rating 81% missing, satisfaction and quantity 5-8% missing, postal_code a code with
/// leading zeros, customer_id an id, returned a 0/1 flag.</summary>
public sealed class MessySuggestionTests : DataServerTestBase
{
    private readonly MessySalesTable _messy = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LoadAsync(WriteFile("sales.csv", _messy.Csv()));
    }

    private async Task<List<JsonElement>> SuggestAsync(int? limit = null) =>
        (await SuggestResultAsync(limit)).Structured().GetProperty("suggestions").EnumerateArray().ToList();

    private Task<ModelContextProtocol.Protocol.CallToolResult> SuggestResultAsync(int? limit = null) =>
        CallOkAsync("suggest_transformations", limit is null ? new { table = "sales" } : new { table = "sales", limit = limit.Value });

    private static string Id(JsonElement s) => s.GetProperty("id").GetString()!;

    private static IEnumerable<string> AllIds(IEnumerable<JsonElement> suggestions) =>
        suggestions.SelectMany(s => s.GetProperty("alternatives").EnumerateArray().Prepend(s)).Select(Id);

    [Fact]
    public async Task Suggest_PutsBrokenDataFirst_InTheDocumentedOrder_WithinTheDefaultLimit()
    {
        var shown = await SuggestAsync();
        shown.Should().HaveCount(10);
        var tiers = shown.Select(s => s.GetProperty("tier").GetString()).ToList();
        var order = new[] { "types", "duplicates", "redundant", "missing", "modelling" };
        tiers.Select(t => Array.IndexOf(order, t)).Should().BeInAscendingOrder().And.NotContain(-1);
        shown.Select(Id).Should().Contain(["to_number:price", "to_number:discount", "parse_date:order_date", "normalize_text:city", "drop_duplicates:*",
            "drop_column:channel", "drop_column:amount_gross", "drop_column:order_id", "drop_column:rating", "impute_mean:satisfaction"]);
    }

    [Fact]
    public async Task Suggest_SaysHowManyTheLimitLeftOut()
    {
        var result = await SuggestResultAsync(5);
        var total = result.Structured().GetProperty("total").GetInt32();
        total.Should().BeGreaterThan(5);
        result.Text().Should().Contain($"{total - 5} more below these (ranks 6-{total}); pass limit={total} to see them.");
    }

    [Fact]
    public async Task Suggest_ProposesNothingThatDestroysInformation_OrMisreadsTheColumn()
    {
        var all = await SuggestAsync(50);
        var ids = AllIds(all).ToList();
        ids.Should().NotContain(id => id.EndsWith(":postal_code", StringComparison.Ordinal), "postal codes have leading zeros: a code, not a number");
        ids.Should().NotContain(id => id.EndsWith(":customer_id", StringComparison.Ordinal) || id.EndsWith(":order_id", StringComparison.Ordinal) && id != "drop_column:order_id");
        ids.Should().NotContain(id => id.EndsWith(":returned", StringComparison.Ordinal), "a 0/1 flag has no outliers or skew to fix");
        ids.Should().NotContain(["impute_median:rating", "impute_mean:rating", "one_hot:discount"]);
        // The near-duplicate gets dropped, not transformed four ways.
        ids.Where(id => id.EndsWith(":amount_gross", StringComparison.Ordinal)).Should().Equal("drop_column:amount_gross");
        // One suggestion per column and problem: skew fixes of amount_net are one suggestion with alternatives behind it.
        all.Select(Id).Count(id => id.EndsWith(":amount_net", StringComparison.Ordinal) && !id.StartsWith("standardize", StringComparison.Ordinal)).Should().Be(1);
        var skew = all.Single(s => Id(s) == "log1p:amount_net");
        skew.GetProperty("alternatives").EnumerateArray().Select(Id).Should().Contain(["clip:amount_net", "remove_outliers:amount_net"]);
    }

    [Fact]
    public async Task SuggestionIds_OutliveTheServiceThatMadeThem_AndApply()
    {
        await SuggestAsync();
        // A new store over the same workspace database (what a restarted server gets) still finds the suggestion.
        var store = new SuggestionStore(Services.GetRequiredService<DataDatabase>(), TimeProvider.System);
        store.Find("sales", "to_number:price").Spec.Text.Should().Be(",");
        store.Find("sales", "missing_indicator:rating").Spec.Operation.Should().Be("missing_indicator");
        var applied = (await CallOkAsync("data_apply_transformation", new { table = "sales", suggestion_id = "to_number:price" })).Structured();
        applied.GetProperty("column").GetString().Should().Be("price_num");
        applied.GetProperty("newNulls").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task SuggestionIds_AreForgotten_WhenTheTableIsReloaded()
    {
        await SuggestAsync();
        var path = Path.Combine(DataRoot, "sales.csv");
        File.AppendAllText(path, File.ReadAllLines(path)[1] + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        await LoadAsync(path);
        var result = await CallAsync("data_apply_transformation", new { table = "sales", suggestion_id = "to_number:price" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No suggestion 'to_number:price'");
    }
}
