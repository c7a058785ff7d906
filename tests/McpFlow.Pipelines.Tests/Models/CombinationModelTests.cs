using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;

namespace McpFlow.Pipelines.Tests.Models;

public sealed class CombinationModelTests
{
    [Fact]
    public void Predict_IsTheMeanOfBothForecasts()
    {
        var frame = new FeatureFrame
        {
            Rows = 3, Numeric = [], Categorical = [], Target = [0, 0, 0], Labels = [], Naive = [], SeasonalNaive = [],
            History = [0, 0, 0], HistoryIndex = [0, 1, 2], Stats = [],
        };
        var model = new CombinationModel(new Constant([1, 2, 3]), new Constant([3, 6, -3]));
        model.Predict(new ModelInput([[0], [0], [0]], frame, [0, 1, 2])).Values.Should().Equal(2, 4, 0);
    }

    private sealed class Constant(double[] values) : ITrainedModel
    {
        public Prediction Predict(ModelInput input) => new(input.Rows.Select(r => values[r]).ToArray(), [], null);

        public string Save(string path) => path;
    }
}
