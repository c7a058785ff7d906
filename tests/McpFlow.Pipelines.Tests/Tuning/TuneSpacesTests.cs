using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Pipelines.Tuning;

namespace McpFlow.Pipelines.Tests.Tuning;

public sealed class TuneSpacesTests
{
    [Fact]
    public void For_GivesLightGbmItsFourHyperparameters_WithDefaultRanges()
    {
        var space = TuneSpaces.For("lightgbm", null);
        // Hyperparameters.KeysFor("lightgbm") lists these four; the ranges are TuneSpaces' documented defaults.
        space.Select(p => p.Name).Should().Equal("number_of_leaves", "number_of_trees", "minimum_example_count_per_leaf", "learning_rate");
        space.Single(p => p.Name == "learning_rate").Should().Be(new Core.Tuning.TuningParameter("learning_rate", false, 0.01, 0.5, true));
    }

    [Fact]
    public void For_NarrowsARange_GivenByItsAlias()
    {
        var space = TuneSpaces.For("lightgbm", Json("""{"num_leaves": [8, 32]}"""));
        space.Single(p => p.Name == "number_of_leaves").Should().Be(new Core.Tuning.TuningParameter("number_of_leaves", true, 8, 32, true));
    }

    [Theory]
    [InlineData("""{"learning_rate": [0.3, 0.1]}""", "space.learning_rate: the range [0.3, 0.1] is invalid")]
    [InlineData("""{"learning_rate": [-1, 0.1]}""", "needs 0 <= low < high")]
    [InlineData("""{"learning_rate": [0, 1e300]}""", "needs 0 <= low < high <= 1000000")]
    [InlineData("""{"learning_rate": "fast"}""", "space.learning_rate must be [low, high]")]
    [InlineData("""{"number_of_leaves": [2.2, 2.8]}""", "is a whole number of at least 1")]
    [InlineData("""{"depth_of_doom": [1, 2]}""", "Trainer 'lightgbm' has no hyperparameter 'depth_of_doom'")]
    [InlineData("""[1, 2]""", "space must be an object")]
    public void For_RefusesAnInvalidRange_NamingTheParameter(string json, string expected)
    {
        var act = () => TuneSpaces.For("lightgbm", Json(json));
        act.Should().Throw<McpFlowException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Tunable_LeavesOutBaselinesAndTrainersWithoutHyperparameters()
    {
        TuneSpaces.Tunable(["mean_baseline", "ols", "sdca", "lightgbm", "holt_winters"]).Should().Equal("sdca", "lightgbm");
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
