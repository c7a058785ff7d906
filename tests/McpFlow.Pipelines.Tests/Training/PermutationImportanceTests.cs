using System.Globalization;
using System.Text.Json;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Training;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Training;

/// <summary>
/// Permutation importance against scikit-learn: the same table (a closed form, so Python rebuilds it exactly), the same
/// five folds (Fixtures/pfi-folds.txt, checked below against the split McpFlow makes) and the same model family (ordinary
/// least squares: ML.NET's OLS here, <c>LinearRegression</c> there), scored by RMSE. The expected values come from
/// Fixtures/pfi_sklearn.py (scikit-learn 1.2 <c>permutation_importance</c>, n_repeats 5 per fold, pooled over the folds)
/// and are committed in Fixtures/pfi-sklearn.json. Shuffles differ between the two, so each mean must agree within
/// the features' spread (one pooled standard deviation) and the ranking must be the same.
/// </summary>
public sealed class PermutationImportanceTests : IDisposable
{
    private const string Table =
        "CREATE TABLE pfi AS SELECT sin(i * 1.3) AS x1, cos(i * 0.7) AS x2, sin(i * 0.37 + 1) AS x3, cos(i * 2.9) AS x4, " +
        "3 * sin(i * 1.3) - 2 * cos(i * 0.7) + 0.5 * sin(i * 0.37 + 1) + 0.3 * sin(i * 7.1) AS y FROM range(0, 300) t(i)";

    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "McpFlow.Pipelines.Tests", "Training", "Fixtures");
    private readonly TestData _data = new();

    public PermutationImportanceTests() => _data.Execute(Table);

    [Fact]
    public void OnHeldOutFolds_MatchesScikitLearn_WithinTheSpread()
    {
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("pfi", "y", "regression", null));
        var frame = new FeatureLoader(_data.Database).Load(spec);
        var folds = CrossValidator.Folds(spec, frame);
        var assignment = new int[frame.Rows];
        foreach (var fold in folds)
            foreach (var row in fold.Test)
                assignment[row] = fold.Index;
        var pfi = new PermutationImportance(spec, frame);

        CrossValidator.Evaluate(spec, frame, folds, TrainerNames.Ols, Hyperparameters.Defaults, CancellationToken.None, onFit: fit => pfi.Add(fit, CancellationToken.None));
        var result = pfi.Result();

        var committedFolds = File.ReadAllLines(Path.Combine(Fixtures, "pfi-folds.txt")).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        assignment.Should().Equal(committedFolds, "the scikit-learn side uses the folds McpFlow makes");
        spec.PrimaryMetric.Should().Be("rmse");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "pfi-sklearn.json")));
        var sklearn = expected.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (Mean: p.Value.GetProperty("mean").GetDouble(), Std: p.Value.GetProperty("std").GetDouble()));
        result.Select(w => w.Feature).Should().Equal(sklearn.OrderByDescending(s => s.Value.Mean).Select(s => s.Key), "the same ranking");
        foreach (var w in result)
        {
            w.Samples.Should().Be(25, "5 folds × 5 shuffles");
            w.Importance.Should().BeApproximately(sklearn[w.Feature].Mean, sklearn[w.Feature].Std + 1e-3, w.Feature);
            w.Std.Should().BeApproximately(sklearn[w.Feature].Std, Math.Max(0.5 * sklearn[w.Feature].Std, 1e-3), w.Feature);
        }
    }

    public void Dispose() => _data.Dispose();
}
