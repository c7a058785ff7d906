using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;

namespace McpFlow.Pipelines.Tests.Models;

public sealed class DifferencedModelTests
{
    // Integer-valued levels, so y - base and base + (y - base) are exact in floating point.
    private static readonly double[] Levels = [10, 12, 15, 19, 24, 30, 37];
    private static readonly double[] Bases = [double.NaN, 10, 12, 15, 19, 24, 30];

    [Fact]
    public void Fit_TrainsTheInnerModelOnChanges_AndPredictAddsTheBaseBack_Exactly()
    {
        var frame = Frame();
        var inner = new EchoModel();
        var rows = new[] { 0, 1, 2, 3, 4 };
        var model = DifferencedModel.Fit(new ModelInput(rows.Select(r => new[] { (float)r }).ToArray(), frame, rows), input => inner.Learn(input));
        // Row 0 has no base (nothing known before it): it is left out of training.
        inner.TrainedRows.Should().Equal(1, 2, 3, 4);
        inner.TrainedTargets.Should().Equal(2, 3, 4, 5);
        // The inner model echoes each row's true change, so the round trip gives back the levels exactly.
        var test = new[] { 1, 2, 3, 4, 5, 6 };
        model.Predict(new ModelInput(test.Select(r => new[] { (float)r }).ToArray(), frame, test)).Values.Should().Equal(12, 15, 19, 24, 30, 37);
    }

    private static FeatureFrame Frame() => new()
    {
        Rows = Levels.Length, Numeric = [], Categorical = [], Target = Levels, Labels = [], Naive = [], SeasonalNaive = [],
        History = Levels, HistoryIndex = Enumerable.Range(0, Levels.Length).ToArray(), Stats = [], Base = Bases,
    };

    /// <summary>Records what it was trained on; predicts each row's true change (level minus base).</summary>
    private sealed class EchoModel : ITrainedModel
    {
        public List<int> TrainedRows { get; } = [];

        public List<double> TrainedTargets { get; } = [];

        public EchoModel Learn(ModelInput input)
        {
            TrainedRows.AddRange(input.Rows);
            TrainedTargets.AddRange(input.Rows.Select(r => input.Frame.Target[r]));
            return this;
        }

        public Prediction Predict(ModelInput input) => new(input.Rows.Select(r => Levels[r] - Bases[r]).ToArray(), [], null);

        public string Save(string path) => path;
    }
}
