using McpFlow.Core.Mcp.Arguments;

namespace McpFlow.Core.Tests.Mcp.Arguments;

public sealed class ParameterExampleTests
{
    [Theory]
    [InlineData("Maximum number of jobs to list, 1-200. Default 20; e.g. 50.", "50")]
    [InlineData("Job id returned by the tool that started it, e.g. \"job-20261123-101500-ab12cd\".", "\"job-20261123-101500-ab12cd\"")]
    [InlineData("Loss values, one per step; e.g. [0.9, 0.5, 0.31, …] (at least 10).", "[0.9, 0.5, 0.31, …] (at least 10)")]
    [InlineData("Target loss, e.g. 0.01.", "0.01")]
    [InlineData("Draft, e.g. \"RMSE 1.23; peaks are low.\" Default: none.", "\"RMSE 1.23; peaks are low.\"")]
    [InlineData("No example here.", null)]
    public void FromDescription_TakesTheTextAfterEg_ToTheEndOfItsSentence(string description, string? expected) =>
        ParameterExample.FromDescription(description).Should().Be(expected);
}
