using McpFlow.Core.Errors;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Tests.Generation;

public sealed class PipelineGeneratorTests : IDisposable
{
    private readonly TestData _data = new();
    private readonly PipelineGenerator _generator;

    public PipelineGeneratorTests()
    {
        _data.Execute(TestData.Binary);
        _data.Execute(TestData.Hourly);
        _data.Execute(TestData.Regression);
        _generator = new PipelineGenerator(new TableInspector(_data.Database));
    }

    [Fact]
    public void Generate_InfersBinaryAndDropsLeakyAndIdColumns()
    {
        var spec = _generator.Generate(new GenerateRequest("customers", "churn", "infer", null));
        spec.Task.Should().Be(PipelineTask.Binary);
        spec.Classes.Should().Equal("0", "1");
        Role("customer_id").Should().Be(ColumnPlan.DroppedRole);
        Role("churn_score").Should().Be(ColumnPlan.DroppedRole);
        Role("status_after").Should().Be(ColumnPlan.DroppedRole);
        spec.Findings.Select(f => (f.Check, f.Column)).Should().Contain([("id_like", "customer_id"), ("leakage_target_name", "churn_score"), ("leakage_correlation", "status_after")]);
        spec.Columns.Single(c => c.Name == "colour").Encoding.Should().Be("one_hot");
        spec.Split.Kind.Should().Be(SplitPlan.Stratified);
        spec.Candidates.Should().Contain(["majority_baseline", "lightgbm"]);
        spec.Metrics.Should().Contain(["accuracy", "auc", "kappa", "mcc"]);

        string Role(string name) => spec.Columns.Single(c => c.Name == name).Role;
    }

    [Fact]
    public void Generate_DetectsTheDailySeason_AndPlansLagsRollingAndFourier_ForForecasting()
    {
        var spec = _generator.Generate(new GenerateRequest("power", "mw", "forecasting", "ts", Horizon: 6, Folds: 3));
        spec.Features.FourierPeriod.Should().Be(24);
        spec.Features.FourierOrder.Should().Be(3);
        spec.Features.Lags.Should().Equal(6, 7, 8, 24, 48);
        spec.Features.Lags.Should().OnlyContain(l => l >= spec.Horizon, "a lag shorter than the horizon would use future values");
        spec.Features.RollingWindows.Should().Equal(3, 24);
        spec.Features.DateParts.Should().Equal("hour", "dayofweek", "month");
        spec.Columns.Single(c => c.Name == "future_x").Role.Should().Be(ColumnPlan.DroppedRole);
        spec.Split.Kind.Should().Be(SplitPlan.ExpandingWindow);
        spec.Candidates.Should().Contain(["naive", "seasonal_naive"]);
        spec.Steps.Select(s => s.Name).Should().ContainInOrder("validate", "date_parts", "lags", "rolling", "fourier", "impute", "scale", "split", "model");
        spec.Steps.Should().OnlyContain(s => s.Explanation.Length > 20);
    }

    [Fact]
    public void Generate_FindsTheWeeklyAndYearlySeasons_AndATrendThatTurns_OnFourYearsOfDailyData()
    {
        // Issue 14's daily case, in the shape of tools/bench/pipelines/make_daily_series.py: a tent trend (+0.1 a day for
        // two years, then -0.1), a weekly profile, a yearly sine and deterministic noise
        // (the fractional part of 43758.5453 sin(12.9898 i), uniform-looking with no period: sin(12.9898 i) alone has one of 14.8 rows). Before, the slow parts hid the
        // week (a 3-row season was chosen), no yearly terms were planned and the tent was called "no trend".
        _data.Execute("CREATE TABLE demand AS SELECT DATE '2020-01-01' + i::INTEGER AS day, " +
            "200 + CASE WHEN i < 730 THEN 0.1 * i ELSE 73 - 0.1 * (i - 730) END " +
            "+ [6, 4, 3, 2, 5, -8, -12][1 + ((i + 2) % 7)::INTEGER] + 15 * sin(2 * pi() * i / 365.25) " +
            "+ 8 * (sin(i * 12.9898) * 43758.5453 - floor(sin(i * 12.9898) * 43758.5453) - 0.5) AS demand " +
            "FROM range(0, 1461) t(i)");

        var spec = _generator.Generate(new GenerateRequest("demand", "demand", "forecasting", "day", Horizon: 1, Folds: 3));

        spec.Features.FourierPeriod.Should().Be(7);
        spec.Features.YearlyPeriod.Should().Be(365.25); // one row a day: 365.25 / 1-day median step
        spec.Features.YearlyOrder.Should().Be(YearlySeason.Order);
        spec.Features.TargetTransform.Should().Be(TargetTransforms.Difference);
        spec.Steps.Select(s => s.Name).Should().Contain(["fourier", "yearly", "difference"]);
        spec.Findings.Select(f => f.Message).Should().Contain(m => m.StartsWith("Trend that changes", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("Yearly season: the series spans 4.0 years", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_RoundTripsThroughVersionedJson()
    {
        var spec = _generator.Generate(new GenerateRequest("houses", "price", "regression", null));
        var copy = PipelineSpec.FromJson(spec.ToJson());
        copy.SpecVersion.Should().Be("1.0");
        copy.Columns.Should().BeEquivalentTo(spec.Columns);
        copy.Steps.Select(s => s.Name).Should().Equal(spec.Steps.Select(s => s.Name));
        spec.Findings.Should().Contain(f => f.Check == "missing" && f.Column == "x1");
    }

    [Theory]
    [InlineData("houses", "nope", "regression", null, "*Column 'nope' (target) is not in the table*")]
    [InlineData("power", "mw", "forecasting", null, "*Forecasting needs a time column*")]
    [InlineData("customers", "colour", "regression", null, "*not numeric; regression needs numbers*")]
    [InlineData("customers", "colour", "binary", null, "*exactly 2 classes*")]
    public void Generate_RejectsImpossibleRequests_WithTheFix(string table, string target, string task, string? time, string message)
    {
        var act = () => _generator.Generate(new GenerateRequest(table, target, task, time));
        act.Should().Throw<McpFlowException>().WithMessage(message);
    }

    [Fact]
    public void Generate_RejectsAConstantTarget_AndAClassTooSmallForTheFolds()
    {
        _data.Execute("CREATE TABLE flat AS SELECT i AS x, 1 AS y, CASE WHEN i < 3 THEN 'rare' ELSE 'common' END AS z FROM range(0, 50) t(i)");
        var constant = () => _generator.Generate(new GenerateRequest("flat", "y", "infer", null));
        constant.Should().Throw<McpFlowException>().WithMessage("*constant*");
        var rare = () => _generator.Generate(new GenerateRequest("flat", "z", "binary", null));
        rare.Should().Throw<McpFlowException>().WithMessage("*Class 'rare' has only 3 rows*").Which.Hint.Should().Contain("folds=3");
    }

    [Fact]
    public void Generate_FrequencyEncodesHugeCardinality_WithAWarning_AndDropsIdLikeText()
    {
        // 'city' has 1500 values over 3000 rows (huge, not ID-like); 'order_ref' is unique per row (ID-like).
        _data.Execute("CREATE TABLE orders AS SELECT 'c' || (i % 1500) AS city, 'o-' || i AS order_ref, sin(i) AS x, sin(i) * 3 + cos(i * 0.3) AS amount FROM range(0, 3000) t(i)");
        var spec = _generator.Generate(new GenerateRequest("orders", "amount", "regression", null));
        spec.Columns.Single(c => c.Name == "city").Encoding.Should().Be("frequency");
        spec.Findings.Should().Contain(f => f.Check == "cardinality" && f.Column == "city" && f.Severity == "warning" && f.Message.Contains("huge cardinality"));
        spec.Columns.Single(c => c.Name == "order_ref").Role.Should().Be(ColumnPlan.DroppedRole);
    }

    [Fact]
    public void Generate_DropsIdLikeNumericColumns_WithTheReason_AndKeepsRealNumbers()
    {
        // The case: 796 distinct whole numbers in 800 rows kept as a feature. Counted by construction:
        // code = (7919 i mod 796) + 1000 as DOUBLE takes 796 values (7919 is coprime to 796), in no order;
        // visit_seq = i // 2 takes 400 values that never decrease; patient_id = 37 i mod 500 takes 500 values.
        // store_id (10 values), age (60 whole numbers) and dose (real numbers) are ordinary inputs.
        _data.Execute("CREATE TABLE visits AS SELECT ((i * 7919) % 796)::DOUBLE + 1000 AS code, i // 2 AS visit_seq, (i * 37) % 500 AS patient_id, " +
            "i % 10 AS store_id, 20 + (i * 13) % 60 AS age, 10 + 5 * sin(i * 1.3) AS dose, " +
            "2 * (10 + 5 * sin(i * 1.3)) + 0.1 * (20 + (i * 13) % 60) + sin(i * 7.1) AS y FROM range(0, 800) t(i)");
        var spec = _generator.Generate(new GenerateRequest("visits", "y", "regression", null));

        Reason("code").Should().Contain("796 distinct whole numbers in 800 rows");
        Reason("visit_seq").Should().Contain("only rise (or only fall) with the row order");
        Reason("patient_id").Should().Contain("named like an identifier");
        spec.Findings.Where(f => f.Check == "id_like").Select(f => f.Column).Should().BeEquivalentTo("code", "visit_seq", "patient_id");
        spec.FeatureColumns.Select(c => c.Name).Should().BeEquivalentTo("store_id", "age", "dose");

        string Reason(string name) => spec.Columns.Single(c => c.Name == name).Should().Match<ColumnPlan>(c => c.Role == ColumnPlan.DroppedRole).And.Subject.As<ColumnPlan>().Reason;
    }

    public void Dispose() => _data.Dispose();
}
