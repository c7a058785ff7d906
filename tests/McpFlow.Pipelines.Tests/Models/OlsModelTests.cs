using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Models;

public sealed class OlsModelTests
{
    [Fact]
    public void SavedModel_PredictsTheSameValues_AfterLoading()
    {
        var x = Enumerable.Range(0, 10).Select(i => new float[] { i, i % 3 }).ToArray();
        var target = x.Select(r => 1.5 + r[0] - (2.0 * r[1])).ToArray();
        var frame = new FeatureFrame
        {
            Rows = 10, Numeric = [], Categorical = [], Target = target, Labels = [], Naive = [], SeasonalNaive = [], History = [], HistoryIndex = [], Stats = [],
        };
        var rows = Enumerable.Range(0, 10).ToArray();
        var model = OlsModel.Train(new ModelInput(x, frame, rows));
        var folder = TempFolder.Create("mcpflow-ols");
        try
        {
            var file = model.Save(Path.Combine(folder, "model"));
            var loaded = OlsModel.Load(file);
            var input = new ModelInput([[20f, 1f]], frame, [0]);
            // 1.5 + 20 - 2 = 19.5 exactly.
            loaded.Predict(input).Values.Single().Should().BeApproximately(19.5, 1e-10);
            loaded.Fit.Should().BeEquivalentTo(model.Fit);
        }
        finally
        {
            TempFolder.TryDelete(folder);
        }
    }
}
