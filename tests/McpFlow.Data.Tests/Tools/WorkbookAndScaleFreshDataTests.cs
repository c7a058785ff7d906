using System.Globalization;
using System.Text;
using McpFlow.Core.Configuration;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 14 replayed on fresh data: a workbook with Excel's own typed cells (booleans, date-time serials)
/// against the CSV of the same rows; distinct counts above 100,000 rows; a suggestion id applied by a second server
/// over the same workspace after the first one stopped.</summary>
public sealed class WorkbookAndScaleFreshDataTests : DataServerTestBase
{
    private static Dictionary<string, string> Types(System.Text.Json.JsonElement load) =>
        load.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString()!);

    [Fact]
    public async Task Load_TypesExcelsTypedCells_AsTheCsvOfTheSameRows()
    {
        var random = new Random(77);
        var start = new DateTime(2025, 1, 6, 8, 15, 0, DateTimeKind.Unspecified);
        var rows = new List<object?[]>();
        var csv = new StringBuilder("geliefert,erfasst_am,menge,lager\n");
        for (var i = 0; i < 40; i++)
        {
            var delivered = random.Next(2) == 0;
            var at = start.AddMinutes(random.Next(200_000));
            var quantity = Math.Round(random.NextDouble() * 100, 2);
            var store = i % 9 == 4 ? "n/a" : $"L{random.Next(1, 5)}";
            rows.Add([i == 7 ? "NULL" : delivered, at, quantity, store]);
            csv.Append(CultureInfo.InvariantCulture, $"{(i == 7 ? "NULL" : delivered ? "true" : "false")},{at:yyyy-MM-dd HH:mm:ss},{quantity:R},{store}\n");
        }

        var xlsx = Path.Combine(DataRoot, "lager.xlsx");
        TypedXlsxWriter.Write(xlsx, ["geliefert", "erfasst_am", "menge", "lager"], rows);
        var fromExcel = Types(await LoadAsync(xlsx, new { table = "excel" }));
        var fromCsv = Types(await LoadAsync(WriteFile("lager.csv", csv.ToString()), new { table = "csv" }));
        fromExcel.Should().Equal(fromCsv);
        fromExcel["geliefert"].Should().Be("BOOLEAN");
        fromExcel["erfasst_am"].Should().StartWith("TIMESTAMP");
        var differ = (await CallOkAsync("data_query", new
        {
            sql = "SELECT count(*) FROM excel e JOIN csv c ON e.menge = c.menge WHERE e.erfasst_am IS DISTINCT FROM c.erfasst_am OR e.geliefert IS DISTINCT FROM c.geliefert OR e.lager IS DISTINCT FROM c.lager",
        })).Structured().GetProperty("rows")[0][0].GetInt64();
        differ.Should().Be(0, "the same rows hold the same values whichever file they came from");
    }

    [Fact]
    public async Task Analyze_CountsDistinctsAbove100kRows_ExactlyOrWithTheErrorStated()
    {
        // 130,000 rows; k = (7919 · i) mod 104,729 takes every residue once for i < 104,729 (7919 and the prime 104,729
        // are coprime), so k has exactly 104,729 values; g = i mod 977 has 977; s is g as text with a prefix.
        DuckDb($"COPY (SELECT range AS i, (range * 7919) % 104729 AS k, range % 977 AS g, 'grp-' || (range % 977) AS s FROM range(130000)) TO '{DataRoot}/gross.parquet' (FORMAT parquet)");
        await LoadAsync(Path.Combine(DataRoot, "gross.parquet"));
        var result = await CallOkAsync("analyze_dataframe", new { table = "gross" });
        var columns = result.Structured().GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        foreach (var (name, truth) in new[] { ("k", 104_729L), ("g", 977L), ("s", 977L), ("i", 130_000L) })
        {
            var c = columns[name];
            var distinct = c.GetProperty("distinct").GetInt64();
            if (c.GetProperty("distinctApproximate").GetBoolean())
            {
                result.Text().Should().MatchRegex(@"standard error about \d+%");
                ((double)Math.Abs(distinct - truth) / truth).Should().BeLessThan(0.40, $"{name}'s estimate is within 3 standard errors");
            }
            else
            {
                distinct.Should().Be(truth, $"{name}'s count is labelled exact");
            }
        }
    }

    [Fact]
    public async Task SuggestionIds_SurviveAServerRestart()
    {
        var workspace = Path.Combine(TempRoot, "shared-workspace");
        var file = WriteFile("r.csv", "id;preis\n1;12,50\n2;1.281,28\n3;N/A\n4;€ 7,05\n");
        var first = new ServerOn(workspace, DataRoot);
        try
        {
            await first.InitializeAsync();
            await first.Call("data_load", new { path = file, table = "r" });
            (await first.Call("suggest_transformations", new { table = "r" })).Text().Should().Contain("to_number:preis");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = new ServerOn(workspace, DataRoot);
        try
        {
            await second.InitializeAsync();
            await ApplyAfterRestart(second);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private static async Task ApplyAfterRestart(ServerOn second)
    {
        var applied = (await second.Call("data_apply_transformation", new { table = "r", suggestion_id = "to_number:preis" })).Structured();
        applied.GetProperty("newNulls").GetInt64().Should().Be(0);
        var values = (await second.Call("data_query", new { sql = "SELECT preis_num FROM r ORDER BY id" })).Structured().GetProperty("rows").EnumerateArray()
            .Select(r => r[0].ValueKind == System.Text.Json.JsonValueKind.Null ? (double?)null : r[0].GetDouble()).ToList();
        values.Should().Equal(12.5, 1281.28, null, 7.05);
    }

    /// <summary>A data server over a given workspace, started and stopped by the test.</summary>
    private sealed class ServerOn(string workspace, string dataRoot) : DataServerTestBase
    {
        protected override void ConfigureOptions(McpFlowOptions options)
        {
            options.WorkspacePath = workspace;
            options.AllowedRoots = [dataRoot];
        }

        public Task<ModelContextProtocol.Protocol.CallToolResult> Call(string tool, object arguments) => CallOkAsync(tool, arguments);
    }
}
