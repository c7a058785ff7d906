using System.Globalization;
using McpFlow.Core.Workspace;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Ensembles;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Splits;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tests.Series;
using McpFlow.Pipelines.Tests.TestDoubles;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Tests.Ensembles;

public sealed class EnsembleEvaluatorTests : IDisposable
{
    private readonly TestData _data = new();
    private readonly PipelineGenerator _generator;
    private readonly FeatureLoader _loader;

    public EnsembleEvaluatorTests()
    {
        _generator = new PipelineGenerator(new TableInspector(_data.Database));
        _loader = new FeatureLoader(_data.Database);
    }

    private async Task<ComparisonSource> CompareAsync(PipelineSpec spec, string[] trainers)
    {
        var comparer = new ModelComparer(_loader, new RunLogger(new InMemoryTrackingWriter(), TimeProvider.System),
            new PipelineStore(new McpFlowWorkspace(_data.Root), TimeProvider.System), TimeProvider.System);
        var result = await comparer.CompareAsync(spec, trainers, "exp", (_, _) => { }, CancellationToken.None);
        return new ComparisonSource("job-20261203-101500-ab12cd", spec, result);
    }

    [Fact]
    public async Task Blends_ScoreEachFold_AsTheAverageOfTheMembersOutOfFoldPredictions()
    {
        _data.Execute(TestData.Regression);
        var spec = _generator.Generate(new GenerateRequest("houses", "price", "regression", null, Folds: 3));
        var source = await CompareAsync(spec, ["sdca", "fast_tree", "ols"]);

        var result = new EnsembleEvaluator(_loader).Evaluate(source, 3, (_, _) => { }, CancellationToken.None);

        // Independently: each member's out-of-fold predictions on the same folds, averaged by hand, RMSE by hand.
        var frame = _loader.Load(spec);
        var folds = CrossValidator.Folds(spec, frame);
        var oof = result.Members.ToDictionary(m => m, _ => new double[folds.Count][]);
        foreach (var m in result.Members)
            CrossValidator.Evaluate(spec, frame, folds, m, Hyperparameters.Defaults, CancellationToken.None, (fold, p) => oof[m][fold.Index] = p.Values);
        double Rmse(Fold fold, Func<int, double> predicted) =>
            Math.Sqrt(fold.Test.Select((r, i) => Math.Pow(frame.Target[r] - predicted(i), 2)).Average());
        var memberRmse = result.Members.Select(m => folds.Select(f => Rmse(f, i => oof[m][f.Index][i])).ToArray()).ToArray();
        var mean = result.Results.Single(r => r.Name == "blend_mean");
        var weighted = result.Results.Single(r => r.Name == "blend_weighted");
        foreach (var f in folds)
        {
            mean.Folds[f.Index].Should().BeApproximately(Rmse(f, i => result.Members.Average(m => oof[m][f.Index][i])), 1e-9);
            // Weights ∝ 1 / (the member's mean RMSE on the other folds), normalised.
            var raw = memberRmse.Select(r => 1 / r.Where((_, g) => g != f.Index).Average()).ToArray();
            var w = raw.Select(v => v / raw.Sum()).ToArray();
            result.Weights[f.Index].Should().Equal(w, (a, b) => Math.Abs(a - b) < 1e-9);
            weighted.Folds[f.Index].Should().BeApproximately(Rmse(f, i => result.Members.Select((m, k) => w[k] * oof[m][f.Index][i]).Sum()), 1e-9);
        }

        mean.Mean.Should().BeApproximately(mean.Folds.Average(), 1e-12);
        mean.Std.Should().BeApproximately(Math.Sqrt(mean.Folds.Sum(v => Math.Pow(v - mean.Mean, 2)) / (folds.Count - 1)), 1e-12);
        var best = result.Results.Where(r => !r.IsEnsemble).MinBy(r => r.Mean)!;
        result.BestSingle.Should().Be(best.Name);
        mean.BeatsBest.Should().Be(mean.Mean < best.Mean);
        mean.FoldsBetter.Should().Be(mean.Folds.Where((v, i) => v < best.Folds[i]).Count());
        // Same folds and seeds as the comparison: each member's recomputed RMSE is the leaderboard's.
        foreach (var row in result.Results.Where(r => !r.IsEnsemble))
            row.Mean.Should().BeApproximately(source.Result.Leaderboard.Single(l => l.Trainer == row.Name).Metrics["rmse"], 1e-12);
        result.Notes.Should().BeEmpty();
        result.StackCoefficients.Should().HaveCount(3).And.OnlyContain(c => c.Count == 4, "an intercept and one slope per member");
    }

    [Fact]
    public async Task Stacking_NeverSeesAFoldsOwnRows_WhereLeakageWouldScorePerfectly()
    {
        // 40 rows, 45 noise features, a noise target: OLS interpolates any rows it is fitted on. A stack whose members or
        // meta-learner had seen a test fold would predict that fold perfectly (shown below); an honest one cannot beat noise.
        var columns = Enumerable.Range(0, 46).Select(j => Noise.Gaussian(40, 100 + j)).ToArray();
        var values = Enumerable.Range(0, 40).Select(i => "(" + string.Join(", ", columns.Select(c => c[i].ToString("R", CultureInfo.InvariantCulture))) + ")");
        _data.Execute($"CREATE TABLE noise AS SELECT * FROM (VALUES {string.Join(", ", values)}) v({string.Join(", ", Enumerable.Range(0, 45).Select(j => $"f{j}"))}, y)");
        var spec = _generator.Generate(new GenerateRequest("noise", "y", "regression", null, Folds: 5));
        var source = await CompareAsync(spec, ["ols", "sdca"]);

        var result = new EnsembleEvaluator(_loader).Evaluate(source, 2, (_, _) => { }, CancellationToken.None);

        var stack = result.Results.Single(r => r.Name == "stack");
        stack.Metrics["r2"].Should().BeLessThan(0.3, "the target is noise");
        stack.Folds.Should().OnlyContain(rmse => rmse > 0.3, "no fold is predicted from its own labels");

        // The leak it avoids: OLS fitted on rows including fold 0's test rows predicts them exactly.
        var frame = _loader.Load(spec);
        var fold = CrossValidator.Folds(spec, frame)[0];
        var all = Enumerable.Range(0, frame.Rows).ToArray();
        var pre = Preprocessor.Fit(frame, all, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
        var leaky = ModelFactory.Fit(spec, "ols", Hyperparameters.Defaults, new ModelInput(pre.Transform(frame, all), frame, all));
        var seen = leaky.Predict(new ModelInput(pre.Transform(frame, fold.Test), frame, fold.Test)).Values;
        fold.Test.Select((r, i) => Math.Abs(frame.Target[r] - seen[i])).Max().Should().BeLessThan(1e-3, "a leaky member would score this fold perfectly");

        // And structurally: each fold's meta-learner is fitted on inner out-of-fold rows that are exactly its training rows.
        foreach (var outer in CrossValidator.Folds(spec, frame))
        {
            var inner = Stacker.InnerFoldsOf(spec, frame, outer.Train, outer.Index);
            inner.SelectMany(f => f.Test).Should().BeEquivalentTo(outer.Train);
            inner.SelectMany(f => f.Train.Concat(f.Test)).Intersect(outer.Test).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task MessyRegression_BlendsAreNeverWorseThanTheWorstMember_OnAnyFold()
    {
        // customers.csv (examples/data, not made for this test): dates, an id, categories, missing purchase amounts and
        // satisfaction scores; every 5th row (2,000) keeps the test quick.
        _data.Execute("CREATE TABLE shop AS SELECT * EXCLUDE (n) FROM (SELECT *, row_number() OVER () AS n FROM " +
            $"read_csv_auto('{Path.Combine(Testing.RepositoryPaths.ExampleData, "customers.csv")}')) WHERE n % 5 = 0");
        var spec = _generator.Generate(new GenerateRequest("shop", "purchase_amount", "regression", null, Folds: 3));
        var source = await CompareAsync(spec, ["sdca", "fast_tree", "lightgbm"]);

        var result = new EnsembleEvaluator(_loader).Evaluate(source, 3, (_, _) => { }, CancellationToken.None);

        // Squared error is convex: a convex combination's MSE is at most the members' weighted mean MSE, hence at most
        // the worst member's; the same holds for RMSE on each fold.
        var members = result.Results.Where(r => !r.IsEnsemble).ToList();
        foreach (var blend in result.Results.Where(r => r.Name.StartsWith("blend", StringComparison.Ordinal)))
        {
            for (var f = 0; f < result.Folds; f++)
                blend.Folds[f].Should().BeLessThanOrEqualTo(members.Max(m => m.Folds[f]) + 1e-9);
        }

        result.Results.Should().OnlyContain(r => double.IsFinite(r.Mean) && r.Folds.All(double.IsFinite));
        result.Results.Single(r => r.Name == "stack").Mean.Should().BeLessThan(members.Max(m => m.Mean) * 1.05);
    }

    [Fact]
    public async Task Multiclass_GetsTheBlends_WithoutAStack()
    {
        _data.Execute($"CREATE TABLE iris AS SELECT * FROM read_csv_auto('{Path.Combine(Testing.RepositoryPaths.ExampleData, "iris.csv")}')");
        var spec = _generator.Generate(new GenerateRequest("iris", "species", "multiclass", null, Folds: 3));
        var source = await CompareAsync(spec, ["maximum_entropy", "fast_forest_ova"]);

        var result = new EnsembleEvaluator(_loader).Evaluate(source, 2, (_, _) => { }, CancellationToken.None);

        result.Results.Select(r => r.Name).Should().Contain(["blend_mean", "blend_weighted"]).And.NotContain("stack");
        result.Notes.Should().Contain(n => n.Contains("No stacking for multiclass"));
        result.Results.Single(r => r.Name == "blend_mean").Mean.Should().BeGreaterThan(0.9, "iris is nearly separable");
    }

    public void Dispose() => _data.Dispose();
}
