using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Issue 12: every result fits the result budget (<see cref="ResultBudget"/>, text and structured content
/// together) on a 100-column table, generated here; the full profile is linked and readable as a resource.</summary>
public sealed class WideTableBudgetTests : DataServerTestBase
{
    private const int Columns = 100;
    private const int Rows = 300;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Four kinds of column in turn: skewed numbers with missing cells, categories with inconsistent spellings,
        // dates, and free text; correlated pairs come from sharing the row index.
        var csv = new StringBuilder(string.Join(",", Enumerable.Range(0, Columns).Select(Name)) + "\n");
        for (var r = 0; r < Rows; r++)
        {
            csv.AppendJoin(",", Enumerable.Range(0, Columns).Select(c => (c % 4) switch
            {
                0 => (r + c) % 17 == 0 ? "" : ((r * (c + 1) % 97) * (r % 5 == 0 ? 40.5 : 1.25)).ToString(CultureInfo.InvariantCulture),
                1 => (r % 3) switch { 0 => "Alpha", 1 => "alpha ", _ => $"group {(r + c) % 7}" },
                2 => new DateOnly(2024, 1, 1).AddDays((r * 7 + c) % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => $"note {r * 31 % 101} for item {c}",
            })).Append('\n');
        }

        await LoadAsync(WriteFile("wide.csv", csv.ToString()), new { table = "wide" });
    }

    private static string Name(int c) => $"column_with_a_long_name_{c:D3}";

    private static void ShouldFitTheBudget(ModelContextProtocol.Protocol.CallToolResult result, string call)
    {
        var characters = ResultBudget.Characters(result);
        characters.Should().BeLessThanOrEqualTo(ResultBudget.MaxCharacters, $"{call} returned {characters:N0} characters");
        ResultBudget.EstimatedTokens(result).Should().BeLessThanOrEqualTo(ResultBudget.MaxTokens, call);
        result.StructuredContent.Should().NotBeNull(call);
        // The backstop's replacement (ResultCap.Summary) names the cap; a result that fits by design never carries it.
        result.StructuredContent!.Value.TryGetProperty("capCharacters", out _).Should().BeFalse($"{call} must fit by design, not be cut by the backstop");
    }

    [Fact]
    public async Task AnalyzeDataframe_FitsTheBudget_AsAJob_AndLinksTheFullProfile()
    {
        var result = await CallUntilFinishedAsync("analyze_dataframe", new { table = "wide" });
        ShouldFitTheBudget(result, "analyze_dataframe");
        result.Structured().GetProperty("job").GetProperty("kind").GetString().Should().Be("analyze_dataframe");
        var structured = result.Structured().GetProperty("result");
        structured.GetProperty("omitted").GetArrayLength().Should().BeGreaterThan(0);
        result.ShouldCarryItsNextSteps("suggest_transformations");
        structured.TryGetProperty("nextSteps", out _).Should().BeFalse("the next steps are the answer's, not repeated inside the job's result");
        var uri = structured.GetProperty("fullProfile").GetProperty("resource").GetString()!;
        uri.Should().Be("mcpflow://data/profiles/wide");

        var full = await Client.ReadResourceAsync(uri);
        var json = JsonDocument.Parse(((ModelContextProtocol.Protocol.TextResourceContents)full.Contents[0]).Text).RootElement;
        json.GetProperty("columns").GetArrayLength().Should().Be(Columns);
        // 50 numeric-like columns (kinds 0 and 3's numbers are text): at least the C(25, 2) Pearson pairs of kind 0.
        json.GetProperty("correlations").GetArrayLength().Should().BeGreaterThan(structured.GetProperty("correlations").GetArrayLength());
    }

    [Fact]
    public async Task DataTools_FitTheBudget_OnAHundredColumnTable()
    {
        var calls = new (string Tool, object Arguments)[]
        {
            ("data_describe_table", new { table = "wide", sample_rows = 50 }),
            ("suggest_transformations", new { table = "wide", limit = 50 }),
            ("generate_eda_report", new { table = "wide" }),
            ("data_list_tables", new { }),
            ("data_query", new { sql = "SELECT * FROM wide" }),
        };
        foreach (var (tool, arguments) in calls)
            ShouldFitTheBudget(await CallUntilFinishedAsync(tool, arguments), tool);
    }
}
