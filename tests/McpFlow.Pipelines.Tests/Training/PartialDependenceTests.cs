using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Training;

namespace McpFlow.Pipelines.Tests.Training;

/// <summary>
/// Partial dependence of an OLS model on the table of <see cref="PermutationImportanceTests"/>: for a linear model the
/// curve is exactly a + b·v, b the feature's coefficient and a the intercept plus the other coefficients times their
/// means. Expected a and b from numpy (np.linalg.lstsq on [1, x1..x4] over the 300 rows of the closed form, means over
/// the same rows): x1 -0.008732080575738644 + 3.000488698196138 v; x2 0.00022018933867768255 - 1.9828231515700026 v;
/// x3 -0.012077401981593159 + 0.5052573887665637 v.
/// </summary>
public sealed class PartialDependenceTests : IDisposable
{
    private readonly TestData _data = new();

    public PartialDependenceTests() => _data.Execute(
        "CREATE TABLE pfi AS SELECT sin(i * 1.3) AS x1, cos(i * 0.7) AS x2, sin(i * 0.37 + 1) AS x3, cos(i * 2.9) AS x4, " +
        "3 * sin(i * 1.3) - 2 * cos(i * 0.7) + 0.5 * sin(i * 0.37 + 1) + 0.3 * sin(i * 7.1) AS y FROM range(0, 300) t(i)");

    [Fact]
    public void ForALinearModel_IsTheLineOfItsCoefficient_OnTheTopFeatures()
    {
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("pfi", "y", "regression", null));
        var frame = new FeatureLoader(_data.Database).Load(spec);
        var all = Enumerable.Range(0, frame.Rows).ToArray();
        var pre = Preprocessor.Fit(frame, all, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
        var x = pre.Transform(frame, all);
        var model = ModelFactory.Fit(spec, TrainerNames.Ols, Hyperparameters.Defaults, new ModelInput(x, frame, all));
        IReadOnlyList<FeatureWeight> importance = [new("x1", 2.7, 0.2, 25), new("x2", 1.7, 0.1, 25), new("x4", -0.001, 0.001, 25), new("x3", 0.33, 0.05, 25)];

        var curves = PartialDependence.Compute(spec, frame, model, x, pre.State.FeatureNames, importance, CancellationToken.None);

        curves.Select(c => c.Feature).Should().Equal(["x1", "x2", "x3"], "the top three with a positive importance, in its order");
        var expected = new Dictionary<string, (double A, double B)>
        {
            ["x1"] = (-0.008732080575738644, 3.000488698196138),
            ["x2"] = (0.00022018933867768255, -1.9828231515700026),
            ["x3"] = (-0.012077401981593159, 0.5052573887665637),
        };
        foreach (var c in curves)
        {
            c.Output.Should().Be("predicted y");
            c.Values.Should().HaveCount(PartialDependence.GridPoints).And.BeInAscendingOrder();
            c.Values[0].Should().BeApproximately(frame.Numeric.Single(n => n.Name == c.Feature).Values.Min(), 1e-9, "the grid starts at the smallest value");
            for (var g = 0; g < c.Values.Length; g++)
                c.Average[g].Should().BeApproximately(expected[c.Feature].A + (expected[c.Feature].B * c.Values[g]), 1e-4, $"{c.Feature} at {c.Values[g]}");
        }
    }

    [Fact]
    public void Multiclass_HasNoCurve()
    {
        _data.Execute("CREATE TABLE m AS SELECT sin(i) AS a, ['p','q','r'][1 + (i % 3)] AS k FROM range(0, 60) t(i)");
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("m", "k", "multiclass", null));
        var frame = new FeatureLoader(_data.Database).Load(spec);
        PartialDependence.Compute(spec, frame, null!, [], [], [new("a", 1, 0, 1)], CancellationToken.None).Should().BeEmpty();
    }

    public void Dispose() => _data.Dispose();
}
