using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Tests.Review;

public sealed class SummaryNumbersCheckTests : ReviewTestBase
{
    private readonly SummaryNumbersCheck _check = new();

    [Theory]
    [InlineData("Accuracy of 0.92 after 60 epochs.")] // rounded: |0.92 - 0.9231| < 0.01
    [InlineData("accuracy = 92.3% on the test set.")] // 92.3% → 0.923
    [InlineData("The val accuracy reached 0.9231.")]
    [InlineData("No metric is named here, only 42 rows.")]
    public void Run_Passes_WhenQuotedNumbersMatchTheMetrics(string summary)
    {
        var metrics = Metrics(("accuracy", 0.9231), ("val_accuracy", 0.9231));
        _check.Run(Input(metrics: metrics, summary: summary), default).Passed.Should().BeTrue();
    }

    [Fact]
    public void Run_Fails_WhenTheSummaryQuotesADifferentValue()
    {
        var result = _check.Run(Input(metrics: Metrics(("accuracy", 0.9231), ("rmse", 1.5)), summary: "Accuracy 0.95 and RMSE: 1.5."), default);
        result.Passed.Should().BeFalse();
        result.Details.Should().Be("the summary says accuracy 0.95 but the metric accuracy = 0.9231");
    }

    [Fact]
    public void Quotes_ReadScientificNotationWithTheUnitOfItsLastDigit()
    {
        var quote = SummaryNumbersCheck.Quotes("final loss 1.2e-3", "loss").Single();
        quote.Value.Should().Be(0.0012);
        quote.Unit.Should().BeApproximately(1e-4, 1e-18);
    }
}
