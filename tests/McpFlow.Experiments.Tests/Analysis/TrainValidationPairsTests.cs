using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Tests.Analysis;

public sealed class TrainValidationPairsTests
{
    [Fact]
    public void Find_PairsTrainAndValidationKeys()
    {
        TrainValidationPairs.Find(["train_loss", "val_loss", "lr"]).Should().Be(("train_loss", "val_loss"));
        TrainValidationPairs.Find(["accuracy", "val_accuracy"]).Should().Be(("accuracy", "val_accuracy"));
        TrainValidationPairs.Find(["loss"]).Should().BeNull();
    }

    [Fact]
    public void Judge_FlagsValidationLossRisingWhileTrainingLossFalls()
    {
        // val_loss: 1.0, 0.8, 0.6, 0.5 (best, step 3), then 0.6, 0.7 → worse by 0.2 = 40% of its 0.5 range; train keeps falling.
        var val = Curve("val_loss", 1.0, 0.8, 0.6, 0.5, 0.6, 0.7);
        var train = Curve("train_loss", 1.0, 0.7, 0.5, 0.4, 0.3, 0.2);

        var finding = TrainValidationPairs.Judge("train_loss", "val_loss", train, val, maximize: false);

        finding.Should().Contain("val_loss was best (0.5) at step 3 and ended at 0.7").And.Contain("overfitting");
        TrainValidationPairs.Judge("train_loss", "val_loss", train, Curve("val_loss", 1.0, 0.8, 0.6, 0.5, 0.45, 0.4), false).Should().BeNull();
    }

    private static List<MlflowMetric> Curve(string key, params double[] values) =>
        values.Select((v, i) => new MlflowMetric(key, v, i, i)).ToList();
}
