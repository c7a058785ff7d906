using System.Globalization;
using System.Text.Json;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

/// <summary>
/// Issue 14's imbalanced binary case replayed through MCP on fresh data, unlike <c>ImbalancedClassificationTests</c>
/// (another generator, a text target, a categorical feature and an account number): 1,200 customers, churn drawn
/// from a logistic model of support calls, tenure and plan (about 4% "yes"); account_number is a random number with
/// about 80% distinct values (an identifier by name, not unique, not a counter).
/// </summary>
public sealed class ImbalancedFreshDataTests : PipelineServerTestBase
{
    private const int Rows = 1200;

    /// <summary>t(0.975, 2): the two-sided 95% Student-t quantile with 2 degrees of freedom (3 paired folds), from
    /// scipy.stats.t.ppf(0.975, 2).</summary>
    private const double T975With2Freedom = 4.302652729911275;

    private readonly int _positives;

    public ImbalancedFreshDataTests()
    {
        var random = new Random(9001);
        var rows = new List<string>();
        for (var i = 0; i < Rows; i++)
        {
            var tenure = random.Next(1, 73);
            var calls = Math.Min(9, (int)(-Math.Log(1 - random.NextDouble()) * 1.6));
            var plan = new[] { "basic", "plus", "pro" }[random.Next(3)];
            var fee = Math.Round((plan == "basic" ? 19 : plan == "plus" ? 39 : 69) + (random.NextDouble() * 6), 2);
            var logit = -4.2 + (0.75 * calls) - (0.03 * tenure) + (plan == "basic" ? 0.7 : 0);
            var churned = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            _positives += churned ? 1 : 0;
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"({100_000 + random.Next(3000)}, {tenure}, {calls}, '{plan}', {fee}, '{(churned ? "yes" : "no")}')"));
        }

        Sql = $"CREATE TABLE customers AS SELECT * FROM (VALUES {string.Join(", ", rows)}) v(account_number, tenure_months, support_calls, plan, monthly_fee, churned)";
    }

    private string Sql { get; }

    [Fact]
    public async Task Compare_RanksByAProperMetric_TunesTheThreshold_DropsTheAccountNumber_AndAblatesTheChosenModel()
    {
        ((double)_positives / Rows).Should().BeInRange(0.03, 0.05, "the generator makes the issue's 3-5% positives");
        Execute(Sql);
        var generated = (await CallOkAsync("generate_pipeline", new { table = "customers", target = "churned", folds = 3 })).Structured();
        var spec = generated.GetProperty("spec");
        spec.GetProperty("primaryMetric").GetString().Should().BeOneOf("average_precision", "mcc");
        spec.GetProperty("classes").EnumerateArray().Select(c => c.GetString()).Should().Equal("no", "yes");
        var roles = spec.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("role").GetString());
        roles["account_number"].Should().NotBe("feature", "an account number cannot generalise");
        roles["support_calls"].Should().Be("feature");
        spec.GetProperty("steps").EnumerateArray().Should().Contain(s => s.GetProperty("name").GetString() == "threshold" && s.GetProperty("enabled").GetBoolean());

        var specId = generated.GetProperty("spec_id").GetString();
        var compared = await CallUntilFinishedAsync("pipeline_compare_models", new { spec = specId, trainers = new[] { "logistic_regression" }, experiment = "churn", wait_seconds = 40 });
        var board = compared.Structured().GetProperty("result").GetProperty("leaderboard").EnumerateArray().ToList();
        board[0].GetProperty("trainer").GetString().Should().Be("logistic_regression", "the learner beats every baseline on average precision");
        var model = board[0].GetProperty("metrics");
        var majority = board.Single(r => r.GetProperty("trainer").GetString() == "majority_baseline").GetProperty("metrics");
        majority.GetProperty("mcc").GetDouble().Should().Be(0, "a constant answer has no correlation with the truth");
        model.GetProperty("mcc").GetDouble().Should().BeGreaterThan(0.2);
        model.GetProperty("threshold").GetDouble().Should().BeLessThan(0.5, "with ~4% positives the best threshold on probabilities lies below one half");

        var evaluated = (await CallUntilFinishedAsync("evaluate_pipeline_steps", new { spec = specId, experiment = "churn", wait_seconds = 40 })).Structured().GetProperty("result");
        evaluated.GetProperty("trainer").GetString().Should().Be("logistic_regression", "the ablation runs on the chosen model, not the default fast_tree");
        evaluated.GetProperty("primaryMetric").GetString().Should().Be(spec.GetProperty("primaryMetric").GetString());
        foreach (var row in evaluated.GetProperty("ablation").EnumerateArray())
            CheckVerdict(row);
    }

    // The verdict follows the fold spread: margin = t(0.975, k − 1) · SE, neutral inside it (AblationVerdict).
    private static void CheckVerdict(JsonElement row)
    {
        var se = row.GetProperty("standardError").GetDouble();
        var margin = row.GetProperty("margin").GetDouble();
        var delta = row.GetProperty("delta").GetDouble();
        margin.Should().BeApproximately(T975With2Freedom * se, 1e-9 * Math.Max(1, margin));
        var verdict = row.GetProperty("verdict").GetString();
        if (Math.Abs(delta) <= margin)
            verdict.Should().Be("neutral", $"step {row.GetProperty("step").GetString()} changes the metric by {delta} within ±{margin}");
        else
            verdict.Should().BeOneOf("helps", "hurts");
    }
}
