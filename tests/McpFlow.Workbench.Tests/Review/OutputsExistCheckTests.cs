using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Tests.Review;

public sealed class OutputsExistCheckTests : ReviewTestBase
{
    private readonly OutputsExistCheck _check = new();

    [Fact]
    public void Run_Passes_WhenEveryOutputExistsAndIsNonEmpty()
    {
        var file = Artifacts.Write(Folder, "a.csv", "x\n1\n");
        _check.Run(Input([file]), default).Passed.Should().BeTrue();
    }

    [Fact]
    public void Run_Fails_NamingMissingAndEmptyOutputs()
    {
        var empty = Artifacts.Write(Folder, "empty.csv", "");
        var result = _check.Run(Input([empty, Path.Combine(Folder, "gone.png")]), default);
        result.Passed.Should().BeFalse();
        result.Details.Should().Contain("missing: gone.png").And.Contain("empty: empty.csv");
    }

    [Fact]
    public void Run_Fails_WhenThereAreNeitherOutputsNorMetrics()
    {
        _check.Run(Input(), default).Passed.Should().BeFalse();
        _check.Run(Input(metrics: Metrics(("accuracy", 0.9))), default).Passed.Should().BeTrue();
    }
}
