using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Tests.Review;

public sealed class FiguresNotBlankCheckTests : ReviewTestBase
{
    private readonly FiguresNotBlankCheck _check = new();

    [Fact]
    public void LuminanceVariance_IsZeroForAUniformImage_AndQuarterOf255SquaredForHalfBlack()
    {
        FiguresNotBlankCheck.LuminanceVariance(Artifacts.BlankPng(Folder)).Should().Be(0);
        // Half the pixels at 0 and half at 255: variance = 255² / 4 = 16256.25.
        FiguresNotBlankCheck.LuminanceVariance(Artifacts.HalfBlackPng(Folder)).Should().BeApproximately(16256.25, 1e-6);
    }

    [Fact]
    public void Run_Passes_OnAFigureWithALine() =>
        _check.Run(Input([Artifacts.LinePng(Folder)]), default).Passed.Should().BeTrue();

    [Fact]
    public void Run_Fails_OnABlankFigureAndOnAFileThatIsNotAnImage()
    {
        var fake = Artifacts.Write(Folder, "fake.png", "not an image");
        var result = _check.Run(Input([Artifacts.BlankPng(Folder), fake]), default);
        result.Passed.Should().BeFalse();
        result.Details.Should().Contain("blank.png is blank (luminance variance 0.00").And.Contain("fake.png is not a decodable image");
    }
}
