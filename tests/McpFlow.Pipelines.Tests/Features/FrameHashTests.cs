using McpFlow.Pipelines.Features;

namespace McpFlow.Pipelines.Tests.Features;

public sealed class FrameHashTests
{
    private static FeatureFrame Frame(double second = 2.5) => new()
    {
        Rows = 2,
        Numeric = [new NumericColumn("x", "raw", [1.0, second])],
        Categorical = [new CategoricalColumn("c", "onehot", ["a", null])],
        Target = [0.0, 1.0],
        Labels = [0, 1],
        Naive = [],
        SeasonalNaive = [],
        History = [],
        HistoryIndex = [],
        Stats = [],
    };

    [Fact]
    public void Sha256_FollowsTheDocumentedLayout()
    {
        // Independently computed with Python's hashlib over the documented byte layout (struct '<q' for counts and
        // lengths, '<d' for doubles, UTF-8 text with a length prefix, -1 for a missing category):
        // rows 2; 1 numeric column "x"/"raw" [1.0, 2.5]; 1 categorical "c"/"onehot" ["a", None]; target [0.0, 1.0]; labels [0, 1].
        FrameHash.Sha256(Frame()).Should().Be("c54ab7208c98ed61d9b5545ec181480287d36c8cc42875c95f47e60b15380138");
    }

    [Fact]
    public void Sha256_ChangesWithAnyValue() =>
        FrameHash.Sha256(Frame(2.5000000001)).Should().NotBe(FrameHash.Sha256(Frame()));
}
