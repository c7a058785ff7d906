using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Tests.Tracking;

/// <summary>Expected verdicts follow MLflow's <c>^[/\w.\- ]*$</c> on a Python 3 str (Unicode letters and digits) plus
/// its path checks, as in mlflow/utils/validation.py.</summary>
public sealed class TrackingKeysTests
{
    [Theory]
    [InlineData("精度")]
    [InlineData("val/точность")]
    [InlineData("précision top-1")]
    [InlineData("train.loss_2")]
    public void Validate_AcceptsNamesMlflowAccepts(string key)
    {
        FluentActions.Invoking(() => TrackingKeys.Validate(key, "metric")).Should().NotThrow();
    }

    [Theory]
    [InlineData("acc:top1")]
    [InlineData("a/../b")]
    [InlineData("/abs")]
    [InlineData("loss\n")]
    public void Validate_RefusesNamesMlflowRefuses(string key)
    {
        FluentActions.Invoking(() => TrackingKeys.Validate(key, "metric")).Should().Throw<McpFlowException>().WithMessage("Invalid metric name*");
    }

    [Fact]
    public void Validate_CountsCharactersNotUtf16Units_ForTheLengthLimit()
    {
        var emoji = string.Concat(Enumerable.Repeat("𝔸", 250));  // 250 characters, 500 UTF-16 units; 𝔸 is a letter (Lu)

        FluentActions.Invoking(() => TrackingKeys.Validate(emoji, "param")).Should().NotThrow();
        FluentActions.Invoking(() => TrackingKeys.Validate(emoji + "𝔸", "param")).Should().Throw<McpFlowException>();
    }
}
