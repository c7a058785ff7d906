using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

public sealed class TransformationToolsTests : DataServerTestBase
{
    private async Task<List<JsonElement>> Column(string table, string column) =>
        (await CallOkAsync("data_query", new { sql = $"SELECT \"{column}\" FROM {table}", format = "json" })).Structured()
            .GetProperty("rows").EnumerateArray().Select(r => r[0]).ToList();

    [Fact]
    public async Task Apply_Log1p_AddsColumnWithExactValues_AndKeepsOriginal()
    {
        // ln(1 + x) for x = 0, e − 1, e² − 1 is exactly 0, 1, 2.
        var e = Math.E;
        await LoadAsync(WriteFile("p.csv", string.Create(CultureInfo.InvariantCulture, $"purchase_amount\n0\n{e - 1:R}\n{e * e - 1:R}\n")));
        var result = await CallOkAsync("data_apply_transformation", new { table = "p", operation = "log1p", column = "purchase_amount" });
        var s = result.Structured();
        s.GetProperty("column").GetString().Should().Be("log_purchase");
        s.GetProperty("table").GetString().Should().Be("p");
        (await Column("p", "log_purchase")).Select(v => v.GetDouble()).Should().BeEquivalentTo([0.0, 1.0, 2.0], o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        (await Column("p", "purchase_amount"))[1].GetDouble().Should().BeApproximately(e - 1, 1e-12);
        s.GetProperty("after").GetProperty("mean").GetDouble().Should().BeApproximately(1, 1e-12);
        result.Images().Should().HaveCount(2);
        var describe = (await CallOkAsync("data_describe_table", new { table = "p" })).Structured();
        describe.GetProperty("lineage")[0].GetProperty("operation").GetString().Should().Be("log1p");
        describe.GetProperty("lineage")[0].GetProperty("column").GetString().Should().Be("log_purchase");
    }

    [Fact]
    public async Task Apply_PowerClipAndScaleOperations_MatchClosedForms()
    {
        await LoadAsync(WriteFile("v.csv", "x\n-1\n4\n9\n"));
        await CallOkAsync("data_apply_transformation", new { table = "v", operation = "yeo_johnson", column = "x", parameters = new { lambda = 0.0 } });
        // λ = 0: x ≥ 0 → ln(1 + x); x < 0 → −((1 − x)² − 1)/2, so −1 → −1.5.
        (await Column("v", "yeojohnson_x")).Select(v => v.GetDouble()).Should().Equal(-1.5, Math.Log(5), Math.Log(10));
        await CallOkAsync("data_apply_transformation", new { table = "v", operation = "box_cox", column = "x", parameters = new { lambda = 0.5 } });
        // λ = 0.5: (√x − 1)/0.5 → 4 ↦ 2, 9 ↦ 4; undefined (NULL) for x ≤ 0.
        var bc = await Column("v", "boxcox_x");
        bc[0].ValueKind.Should().Be(JsonValueKind.Null);
        bc.Skip(1).Select(v => v.GetDouble()).Should().Equal(2, 4);
        await CallOkAsync("data_apply_transformation", new { table = "v", operation = "clip", column = "x", parameters = new { lower = 0, upper = 5 } });
        (await Column("v", "x_clipped")).Select(v => v.GetDouble()).Should().Equal(0, 4, 5);
        await CallOkAsync("data_apply_transformation", new { table = "v", operation = "standardize", column = "x", parameters = new { mean = 4, std = 5 } });
        (await Column("v", "x_z")).Select(v => v.GetDouble()).Should().Equal(-1, 0, 1);
    }

    [Fact]
    public async Task Apply_TableOperations_CreateVersionedTables()
    {
        await LoadAsync(WriteFile("t.csv", "k,v,city\n1,10,Oslo\n1,10,Oslo\n2,1000,Rome\n3,12,Oslo\n"));
        var dedup = (await CallOkAsync("data_apply_transformation", new { table = "t", operation = "drop_duplicates" })).Structured();
        dedup.GetProperty("table").GetString().Should().Be("t_v2");
        dedup.GetProperty("after").GetProperty("rows").GetInt64().Should().Be(3);
        var trimmed = (await CallOkAsync("data_apply_transformation", new { table = "t_v2", operation = "remove_outliers", column = "v", parameters = new { lower = 0, upper = 100 } })).Structured();
        trimmed.GetProperty("table").GetString().Should().Be("t_v3");
        trimmed.GetProperty("after").GetProperty("rows").GetInt64().Should().Be(2);
        var onehot = (await CallOkAsync("data_apply_transformation", new { table = "t", operation = "one_hot", column = "city" })).Structured();
        onehot.GetProperty("table").GetString().Should().Be("t_v4");
        (await Column("t_v4", "city_oslo")).Select(v => v.GetInt32()).Should().Equal(1, 1, 0, 1);
        var lineage = (await CallOkAsync("data_describe_table", new { table = "t_v3" })).Structured().GetProperty("lineage");
        lineage.EnumerateArray().Select(l => l.GetProperty("operation").GetString()).Should().Equal("drop_duplicates", "remove_outliers");
        (await CallOkAsync("data_query", new { sql = "SELECT count(*) FROM t" })).Structured().GetProperty("rows")[0][0].GetInt64().Should().Be(4);
    }

    [Fact]
    public async Task Apply_ImputeEncodeAndTypeFixes()
    {
        await LoadAsync(WriteFile("m.csv", "a,code,day,cat\n1,\"1,200\",05/01/2024,x\n,7,06/01/2024,x\n3,x,unknown,y\n"), new { table = "m" });
        await CallOkAsync("data_apply_transformation", new { table = "m", operation = "impute_median", column = "a", parameters = new { value = 2 } });
        (await Column("m", "a_filled")).Select(v => v.GetDouble()).Should().Equal(1, 2, 3);
        // "1,200" alone reads as 1200 or 1.2: the server refuses to guess, and reads it as told.
        var refused = await CallAsync("data_apply_transformation", new { table = "m", operation = "to_number", column = "code" });
        refused.IsError.Should().BeTrue();
        refused.Text().Should().Contain("can be read two ways");
        await CallOkAsync("data_apply_transformation", new { table = "m", operation = "to_number", column = "code", text = "." });
        var codes = await Column("m", "code_num");
        codes[0].GetDouble().Should().Be(1200);
        codes[2].ValueKind.Should().Be(JsonValueKind.Null);
        await CallOkAsync("data_apply_transformation", new { table = "m", operation = "parse_date", column = "day", text = "%d/%m/%Y" });
        (await Column("m", "day_date"))[0].GetString().Should().Be("2024-01-05");
        await CallOkAsync("data_apply_transformation", new { table = "m", operation = "frequency_encode", column = "cat" });
        (await Column("m", "cat_freq")).Select(v => v.GetDouble()).Should().Equal(2 / 3.0, 2 / 3.0, 1 / 3.0);
    }

    [Fact]
    public async Task Suggest_MeasuresLogEffect_OnSkewedColumn_AndAppliesById()
    {
        // Powers of two 1..2^9, each 10 times, plus duplicates by construction: strongly right-skewed.
        var csv = new StringBuilder("id,amount\n");
        var id = 0;
        for (var k = 0; k < 10; k++)
            for (var r = 0; r < 10; r++)
                csv.Append(CultureInfo.InvariantCulture, $"{id++},{Math.Pow(2, k) * (1 + (r / 100.0))}\n");
        await LoadAsync(WriteFile("skew.csv", csv.ToString()));
        var result = await CallOkAsync("suggest_transformations", new { table = "skew" });
        var suggestions = result.Structured().GetProperty("suggestions").EnumerateArray().ToList();
        var log = suggestions.First(s => s.GetProperty("id").GetString() == "log1p:amount");
        var before = log.GetProperty("effect").GetProperty("skew_before").GetDouble();
        var after = log.GetProperty("effect").GetProperty("skew_after").GetDouble();
        before.Should().BeGreaterThan(1);
        Math.Abs(after).Should().BeLessThan(Math.Abs(before) / 2);
        suggestions[0].GetProperty("rank").GetInt32().Should().Be(1);
        result.Text().Should().Contain("log1p(amount)").And.Contain("Measured: skew");
        var applied = (await CallOkAsync("data_apply_transformation", new { table = "skew", suggestion_id = "log1p:amount" })).Structured();
        applied.GetProperty("after").GetProperty("skewness").GetDouble().Should().BeApproximately(after, 1e-9);
    }

    [Fact]
    public async Task Apply_ReportsError_WhenSuggestionIdIsUnknown()
    {
        await LoadAsync(WriteFile("q.csv", "x\n1\n2\n"));
        var result = await CallAsync("data_apply_transformation", new { table = "q", suggestion_id = "log1p:nope" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No suggestion 'log1p:nope'").And.Contain("suggest_transformations");
    }

    [Fact]
    public async Task Apply_RefusesToOverwriteAnExistingColumn()
    {
        await LoadAsync(WriteFile("q.csv", "x,log_x\n1,2\n"));
        var result = await CallAsync("data_apply_transformation", new { table = "q", operation = "log1p", column = "x" });
        result.Text().Should().Contain("already has a column 'log_x'");
    }

    [Fact]
    public async Task Suggest_ReportsError_WhenTableIsUnknown()
    {
        var result = await CallAsync("suggest_transformations", new { table = "ghost" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No table named 'ghost'");
    }
}
