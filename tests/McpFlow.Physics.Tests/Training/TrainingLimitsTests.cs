using McpFlow.Core.Errors;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

public sealed class TrainingLimitsTests
{
    [Fact]
    public void Validate_AcceptsCausalTrainingWithinItsRange()
    {
        var act = () => TrainingLimits.Validate(new TrainingOptions { CausalChunks = TrainingLimits.MaxCausalChunks, CausalEpsilon = 1e-3 });

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData(-1, 1, "causal_chunks = -1 is out of range")]
    [InlineData(1025, 1, "causal_chunks = 1025 is out of range: causal time chunks (0 = off) must be between 0 and 1024")]
    [InlineData(32, 0, "causal_epsilon must be in (0, 1e6]; got 0")]
    [InlineData(32, double.NaN, "causal_epsilon must be in (0, 1e6]")]
    [InlineData(32, 2e6, "causal_epsilon must be in (0, 1e6]")]
    public void Validate_RefusesCausalSettingsOutOfRange(int chunks, double epsilon, string expected)
    {
        var act = () => TrainingLimits.Validate(new TrainingOptions { CausalChunks = chunks, CausalEpsilon = epsilon });

        act.Should().Throw<McpFlowException>().Which.Message.Should().Contain(expected);
    }
}
