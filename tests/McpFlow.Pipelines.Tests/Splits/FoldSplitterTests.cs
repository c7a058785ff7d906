using McpFlow.Core.Errors;
using McpFlow.Pipelines.Splits;

namespace McpFlow.Pipelines.Tests.Splits;

public sealed class FoldSplitterTests
{
    [Fact]
    public void Stratified_KeepsClassProportionsAndCoversEveryRowOnce()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i < 80 ? 0 : 1).ToList();
        var folds = FoldSplitter.Stratified(labels, 5, seed: 1);
        folds.SelectMany(f => f.Test).Order().Should().Equal(Enumerable.Range(0, 100));
        foreach (var fold in folds)
        {
            fold.Test.Count(r => labels[r] == 1).Should().Be(4);
            fold.Test.Count.Should().Be(20);
            fold.Train.Intersect(fold.Test).Should().BeEmpty();
        }
    }

    [Fact]
    public void ExpandingWindow_NeverTrainsOnRowsAtOrAfterTheTestBlock()
    {
        var folds = FoldSplitter.ExpandingWindow(100, 4, 10, minTrain: 30);
        folds.Select(f => f.Test[0]).Should().Equal(60, 70, 80, 90);
        foreach (var fold in folds)
        {
            fold.Train.Max().Should().BeLessThan(fold.Test.Min());
            fold.Train.Count.Should().Be(fold.Test[0]);
        }
    }

    [Fact]
    public void ExpandingWindow_LeavesAGapBeforeEachTestBlock()
    {
        // Horizon 3: a gap of 2 rows, so the last training row (57) is 3 rows before the first test row (60).
        var folds = FoldSplitter.ExpandingWindow(100, 4, 10, minTrain: 30, gap: 2);
        folds.Select(f => f.Train.Max()).Should().Equal(57, 67, 77, 87);
        folds.Select(f => f.Test[0]).Should().Equal(60, 70, 80, 90);
    }

    [Fact]
    public void ExpandingWindow_Throws_WhenTheSeriesIsTooShort()
    {
        var act = () => FoldSplitter.ExpandingWindow(50, 5, 10, minTrain: 30);
        act.Should().Throw<McpFlowException>().WithMessage("*too few for 5 temporal folds*");
    }
}
