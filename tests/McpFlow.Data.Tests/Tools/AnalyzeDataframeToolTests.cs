using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFlow.Data.Tests.Profiling;
using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Tools;

public sealed class AnalyzeDataframeToolTests : DataServerTestBase
{
    // x = 1..100 (written as 1.0, 2.0, … so DuckDB types it DOUBLE); y = x² (right-skewed); z = 2x + 1; w = −x;
    // a = x mod 2; b = floor(x / 2) mod 2 (balanced and independent of a); c and d = a and b as text.
    private static readonly double[] X = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var csv = new StringBuilder("x,y,z,w,a,b,c,d\n");
        foreach (var x in X)
            csv.Append(CultureInfo.InvariantCulture, $"{x:F1},{x * x:F1},{2 * x + 1:F1},{-x:F1},{x % 2},{Math.Floor(x / 2) % 2},{(x % 2 == 0 ? "even" : "odd")},{(Math.Floor(x / 2) % 2 == 0 ? "low" : "high")}\n");
        await LoadAsync(WriteFile("shapes.csv", csv.ToString()));
    }

    private static JsonElement Column(JsonElement profile, string name) =>
        profile.GetProperty("columns").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    private static double Corr(JsonElement profile, string a, string b, string method) =>
        profile.GetProperty("correlations").EnumerateArray()
            .First(c => c.GetProperty("a").GetString() == a && c.GetProperty("b").GetString() == b && c.GetProperty("method").GetString() == method)
            .GetProperty("value").GetDouble();

    [Fact]
    public async Task Analyze_ProfilesATableOverTheColumnBudget_AsAJob_ProfilingTheFirstColumns_AndSaysSo()
    {
        // 101 columns: one over InlineBudget.Columns and ProfileSettings.MaxProfiledColumns (both 100), so the call
        // answers with a job whose profile covers c0..c99 and says the table is wider.
        var header = string.Join(",", Enumerable.Range(0, 101).Select(i => $"c{i}"));
        var row = string.Join(",", Enumerable.Range(0, 101));
        await LoadAsync(WriteFile("wide.csv", $"{header}\n{row}\n{row}\n"));
        var finished = await CallUntilFinishedAsync("analyze_dataframe", new { table = "wide" });
        finished.Structured().GetProperty("job").GetProperty("kind").GetString().Should().Be("analyze_dataframe", finished.Text());
        // The answer fits the result budget (ProfileBudget thins the structured profile); the full profile is a resource.
        var link = finished.Structured().GetProperty("result").GetProperty("fullProfile").GetProperty("resource").GetString()!;
        var full = await Client.ReadResourceAsync(link);
        var columns = JsonDocument.Parse(((TextResourceContents)full.Contents[0]).Text).RootElement.GetProperty("columns");
        columns.GetArrayLength().Should().Be(100);
        columns[99].GetProperty("name").GetString().Should().Be("c99");
        finished.Text().Should().Contain("101 columns, the first 100 profiled");
    }

    [Fact]
    public async Task Analyze_MatchesClosedFormStatistics_OnOneToHundred()
    {
        var profile = (await CallOkAsync("analyze_dataframe", new { table = "shapes" })).Structured();
        profile.GetProperty("rows").GetInt64().Should().Be(100);
        var x = Column(profile, "x").GetProperty("numeric");
        x.GetProperty("mean").GetDouble().Should().BeApproximately(50.5, 1e-12);              // (n + 1) / 2
        x.GetProperty("variance").GetDouble().Should().BeApproximately(100 * 101 / 12.0, 1e-9); // n(n + 1)/12 for 1..n, sample variance
        x.GetProperty("skewness").GetDouble().Should().BeApproximately(0, 1e-12);              // symmetric
        x.GetProperty("kurtosis").GetDouble().Should().BeApproximately(Moments.ExcessKurtosis(X), 1e-9);
        var q = x.GetProperty("quantiles");
        q.GetProperty("p5").GetDouble().Should().BeApproximately(5.95, 1e-9);   // 1 + 0.05·99 (linear interpolation)
        q.GetProperty("p25").GetDouble().Should().BeApproximately(25.75, 1e-9); // 1 + 0.25·99
        q.GetProperty("p50").GetDouble().Should().BeApproximately(50.5, 1e-9);
        q.GetProperty("p95").GetDouble().Should().BeApproximately(95.05, 1e-9);
        x.GetProperty("iqr").GetDouble().Should().BeApproximately(49.5, 1e-9);
        x.GetProperty("mad").GetDouble().Should().BeApproximately(25, 1e-9);    // |x − 50.5| sorted: 0.5,0.5,1.5,…; 50th/51st are 24.5 and 25.5
        x.GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()).Should().Be(100);
        Column(profile, "x").GetProperty("semanticType").GetString().Should().Be("numeric");
    }

    [Fact]
    public async Task Analyze_ReportsSkewAndKurtosisOfSquares_AsDefinitions()
    {
        var profile = (await CallOkAsync("analyze_dataframe", new { table = "shapes", columns = new[] { "y" } })).Structured();
        var squares = X.Select(v => v * v).ToArray();
        var y = Column(profile, "y").GetProperty("numeric");
        y.GetProperty("skewness").GetDouble().Should().BeApproximately(Moments.Skewness(squares), 1e-9);
        y.GetProperty("kurtosis").GetDouble().Should().BeApproximately(Moments.ExcessKurtosis(squares), 1e-9);
        profile.GetProperty("columns").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Analyze_ComputesPearsonSpearmanAndCramersV()
    {
        var profile = (await CallOkAsync("analyze_dataframe", new { table = "shapes" })).Structured();
        Corr(profile, "x", "z", "pearson").Should().BeApproximately(1, 1e-12);  // exact linear
        Corr(profile, "x", "w", "spearman").Should().BeApproximately(-1, 1e-12); // reversed order
        Corr(profile, "x", "y", "spearman").Should().BeApproximately(1, 1e-12);  // monotone, not linear
        Corr(profile, "x", "y", "pearson").Should().BeLessThan(0.98);
        // a and b are balanced and independent (each combination 25 times) → r = 0 and, as text, χ² = 0.
        Corr(profile, "a", "b", "pearson").Should().BeApproximately(0, 1e-12);
        Corr(profile, "c", "d", "cramers_v").Should().BeApproximately(0, 1e-12);
        profile.GetProperty("alerts").EnumerateArray().Should().Contain(a => a.GetProperty("kind").GetString() == "high_correlation");
    }

    [Fact]
    public async Task Analyze_FindsDuplicatesMissingInfinitiesAndTypeProblems()
    {
        var csv = "id,amount,code,day\n1,10,001,2024-01-05\n2,inf,002,2024-01-06\n2,inf,002,2024-01-06\n3,,003,05/01/2024\n4,-5,004,2024-02-01\n";
        await LoadAsync(WriteFile("messy.csv", csv), new { table = "messy", delimiter = "," });
        var result = await CallOkAsync("analyze_dataframe", new { table = "messy" });
        var profile = result.Structured();
        profile.GetProperty("duplicateRows").GetInt64().Should().Be(1);
        var amount = Column(profile, "amount");
        amount.GetProperty("missing").GetInt64().Should().Be(1);
        amount.GetProperty("numeric").GetProperty("infinities").GetInt64().Should().Be(2);
        amount.GetProperty("numeric").GetProperty("negatives").GetInt64().Should().Be(1);
        amount.GetProperty("numeric").GetProperty("mean").GetDouble().Should().BeApproximately(2.5, 1e-12); // finite values 10 and −5
        var kinds = profile.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        kinds.Should().Contain(["duplicates", "missing", "infinite", "mixed_types"]);
        result.Text().Should().Contain("5 rows, 4 columns").And.Contain("1 duplicate rows");
    }

    [Fact]
    public async Task Analyze_LoadsFileFirst_WhenPathIsGiven()
    {
        var path = WriteFile("tiny.csv", "v\n1\n2\n3\n");
        var profile = (await CallOkAsync("analyze_dataframe", new { path })).Structured();
        profile.GetProperty("table").GetString().Should().Be("tiny");
        Column(profile, "v").GetProperty("numeric").GetProperty("mean").GetDouble().Should().Be(2);
    }

    [Fact]
    public async Task Analyze_ReportsError_WhenColumnIsUnknown()
    {
        var result = await CallAsync("analyze_dataframe", new { table = "shapes", columns = new[] { "nope" } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Column 'nope' is not in table 'shapes'").And.Contain("Columns: x, y");
    }

    [Fact]
    public async Task Analyze_ReportsError_WhenNeitherTableNorPathIsGiven()
    {
        var result = await CallAsync("analyze_dataframe", new { });
        result.Text().Should().Contain("exactly one of table or path");
    }
}
