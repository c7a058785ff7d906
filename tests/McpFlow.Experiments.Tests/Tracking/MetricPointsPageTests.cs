using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Tests.Tracking;

public sealed class MetricPointsPageTests
{
    private static List<MlflowMetric> History(int n) => Enumerable.Range(0, n).Select(i => new MlflowMetric("loss", 1.0 / (i + 1), i, 1000 + i)).ToList();

    [Fact]
    public void Of_PagesTheHistory_WithTheNextOffsetUntilTheLastPage()
    {
        // 1,200 points in pages of 500: 0-499, 500-999, 1000-1199 (the last has no next offset).
        var history = History(1200);
        var first = MetricPointsPage.Of("loss", history, 0);
        var second = MetricPointsPage.Of("loss", history, 500);
        var last = MetricPointsPage.Of("loss", history, 1000);

        (first.Steps.Count, first.NextOffset, first.Total).Should().Be((500, 500, 1200));
        (second.Steps[0], second.NextOffset).Should().Be((500L, 1000));
        (last.Steps.Count, last.Steps[^1], last.NextOffset).Should().Be((200, 1199L, (int?)null));
        last.Values[^1].Should().Be(1.0 / 1200);
    }

    [Fact]
    public void Of_OrdersByStep_AndNullsNonFiniteValues()
    {
        var history = new List<MlflowMetric> { new("loss", 0.5, 2, 3), new("loss", double.NaN, 1, 2), new("loss", 0.9, 0, 1) };

        var page = MetricPointsPage.Of("loss", history, 0);

        page.Steps.Should().Equal(0, 1, 2);
        page.Values.Should().Equal(0.9, null, 0.5);
    }

    [Fact]
    public void Of_RefusesAnOffsetPastTheEnd_ButAcceptsZeroOnAnEmptyHistory()
    {
        var act = () => MetricPointsPage.Of("loss", History(3), 3);

        act.Should().Throw<McpFlowException>().WithMessage("offset 3 is past the 3 points of 'loss'.");
        MetricPointsPage.Of("loss", [], 0).Total.Should().Be(0);
    }
}
