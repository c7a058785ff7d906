using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Tests.Features;

public sealed class FeatureLoaderTests : IDisposable
{
    private readonly TestData _data = new();

    public FeatureLoaderTests()
    {
        _data.Execute("CREATE TABLE s AS SELECT DATE '2024-01-01' + i::INTEGER AS d, (i * i)::DOUBLE AS y FROM range(0, 80) t(i)");
        _data.Execute(TestData.Regression);
    }

    [Fact]
    public void Load_BuildsLagsAndLeftClosedWindows_ThatNeverSeeTheCurrentRow()
    {
        // y = t² trends, so the generator differences the target; without that step lags stay levels.
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("s", "y", "forecasting", "d", Horizon: 2, Folds: 2))
            .Without(FeatureLoader.DifferenceStep);
        var frame = new FeatureLoader(_data.Database).Load(spec);
        frame.Base.Should().BeEmpty();
        var rowsLost = spec.Features.Lags.Concat(spec.Features.RollingWindows.Select(w => w + 1)).Max();
        frame.Rows.Should().Be(80 - rowsLost);
        for (var r = 0; r < frame.Rows; r++)
        {
            var t = frame.HistoryIndex[r];
            frame.Target[r].Should().Be(t * t);
            Column("lag_2")[r].Should().Be((t - 2) * (t - 2));
            // Mean of y over rows t-4 .. t-2 (window 3 ending one horizon back): ((t-4)² + (t-3)² + (t-2)²) / 3.
            Column("rolling_mean_3")[r].Should().BeApproximately((((t - 4) * (t - 4)) + ((t - 3) * (t - 3)) + ((t - 2) * (t - 2))) / 3.0, 1e-9);
            frame.Naive[r].Should().Be((t - 2) * (t - 2));
        }

        frame.Stats.Select(s => s.Step).Should().ContainInOrder("load", "date_parts", "lags", "rolling", "validate");
        frame.Stats[^1].RowsOut.Should().Be(frame.Rows);
        frame.Stats[^1].NullsLeft.Should().Be(0, "rows without lag history were dropped");
        frame.Stats.Single(s => s.Step == "lags").FeaturesAdded.Should().Be(spec.Features.Lags.Count);

        double[] Column(string name) => frame.Numeric.Single(c => c.Name == name).Values;
    }

    [Fact]
    public void Load_WithADifferencedTarget_MakesLevelFeaturesRelativeToTheLatestKnownValue()
    {
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("s", "y", "forecasting", "d", Horizon: 2, Folds: 2));
        spec.Features.TargetTransform.Should().Be("difference");
        spec.Features.DifferenceLag.Should().Be(2);
        var frame = new FeatureLoader(_data.Database).Load(spec);
        for (var r = 0; r < frame.Rows; r++)
        {
            var t = frame.HistoryIndex[r];
            // Base: the value two rows back (the latest one known two rows ahead); lags and rolling means relative to it.
            var b = (t - 2) * (t - 2);
            frame.Base[r].Should().Be(b);
            frame.Target[r].Should().Be(t * t, "the frame keeps the level; models see the change");
            Column("lag_3")[r].Should().Be(((t - 3) * (t - 3)) - b);
            Column("rolling_mean_3")[r].Should().BeApproximately(((((t - 4) * (t - 4)) + ((t - 3) * (t - 3)) + b) / 3.0) - b, 1e-9);
            Column("rolling_std_3")[r].Should().BeGreaterThan(0, "spreads are not shifted");
        }

        frame.Stats.Select(s => s.Step).Should().ContainInOrder("lags", "rolling", "difference", "validate");

        double[] Column(string name) => frame.Numeric.Single(c => c.Name == name).Values;
    }

    [Fact]
    public void Preprocessor_ImputesWithTheTrainingMedian_AndScalesWithTrainingMoments()
    {
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("houses", "price", "regression", null));
        var frame = new FeatureLoader(_data.Database).Load(spec);
        var train = Enumerable.Range(0, 50).ToArray();
        var x1 = frame.Numeric.Single(c => c.Name == "x1").Values;
        var observed = train.Select(r => x1[r]).Where(v => !double.IsNaN(v)).Order().ToList();
        // Rows 0..49 hold 45 observed x1 values (every 10th is missing): the median is the 23rd smallest.
        observed.Should().HaveCount(45);
        var median = observed[22];
        var pre = Preprocessor.Fit(frame, train, impute: true, scale: false);
        pre.State.Medians["x1"].Should().BeApproximately(median, 1e-12);
        pre.Transform(frame, [0])[0][0].Should().BeApproximately((float)median, 1e-6f);
        var scaled = Preprocessor.Fit(frame, train, impute: true, scale: true).Transform(frame, train);
        scaled.Select(x => (double)x[1]).Average().Should().BeApproximately(0, 1e-5);
    }

    public void Dispose() => _data.Dispose();
}
