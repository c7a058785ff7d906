using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

public sealed class TrainingSettingsTests
{
    private static readonly TrainingOptions Plan = new() { Depth = 3, Width = 32, AdamSteps = 2000, TargetLoss = 1e-5 };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Apply_OverridesOnlyTheGivenKeys()
    {
        var options = TrainingSettings.Apply(Plan, Json("""{"adam_steps": 500, "depth": 4, "activation": "sin", "hard_boundary": false, "learning_rate": 0.005}"""));

        options.Should().Be(Plan with { AdamSteps = 500, Depth = 4, Activation = "sin", HardBoundary = false, LearningRate = 0.005 });
    }

    [Fact]
    public void Apply_TakesThePlanAsAnalyzePdeProblemWritesIt_CamelCase()
    {
        // The plan round-trips through the JSON analyze_pde_problem returns (camelCase): passing it back changes nothing.
        var planned = Plan with { Width = 50, Dtype = "float64", ResampleEvery = 250, CheckpointEvery = 400, MaxSeconds = 30 };
        var json = JsonSerializer.SerializeToElement(planned, JsonSerializerOptions.Web);

        TrainingSettings.Apply(new TrainingOptions(), json).Should().Be(planned);
    }

    [Fact]
    public void Apply_ReadsTheCausalTrainingSettings()
    {
        var options = TrainingSettings.Apply(Plan, Json("""{"causal_chunks": 32, "causalEpsilon": 0.01}"""));

        options.Should().Be(Plan with { CausalChunks = 32, CausalEpsilon = 0.01 });
        TrainingSettings.Keys.Should().Contain(["causal_chunks", "causal_epsilon"]);
    }

    [Fact]
    public void Apply_ReadsAStringHoldingTheObject_AndNumbersGivenAsStrings()
    {
        var options = TrainingSettings.Apply(Plan, Json("\"{\\\"adam_steps\\\": \\\"750\\\", \\\"target_loss\\\": null}\""));

        options.AdamSteps.Should().Be(750);
        options.TargetLoss.Should().BeNull();
    }

    [Fact]
    public void Apply_LeavesThePlan_WhenNothingIsGiven()
    {
        TrainingSettings.Apply(Plan, null).Should().BeSameAs(Plan);
        TrainingSettings.Apply(Plan, Json("null")).Should().BeSameAs(Plan);
    }

    [Theory]
    [InlineData("""{"layers": 4}""", "key that is not a training setting ('layers'). Valid keys: depth, width, activation")]
    [InlineData("""{"adam_steps": 10, "adamSteps": 20}""", "settings gives adam_steps twice")]
    [InlineData("""{"depth": 2.5}""", "settings.depth must be a whole number, e.g. 4; it is a number out of range")]
    [InlineData("""{"depth": "four"}""", "settings.depth must be a whole number, e.g. 4; it is a string that does not read as one")]
    [InlineData("""{"hard_boundary": 1}""", "settings.hard_boundary must be true or false")]
    [InlineData("""{"activation": ["sin"]}""", "settings.activation must be a string, e.g. \"sin\"; it is an array")]
    [InlineData("""{"learning_rate": "NaN"}""", "settings.learning_rate must be a finite number")]
    [InlineData("""[1, 2]""", "settings must be a JSON object such as")]
    [InlineData("\"{not json\"", "settings is not valid JSON")]
    public void Apply_RefusesWhatIsNotASetting_NamingTheProblem(string settings, string expected)
    {
        var act = () => TrainingSettings.Apply(Plan, Json(settings));

        act.Should().Throw<McpFlowException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Apply_NeverReplaysALongOrHostileKey()
    {
        var hostile = "x'); DROP TABLE runs; --" + new string('a', 200);
        var act = () => TrainingSettings.Apply(Plan, JsonSerializer.SerializeToElement(new Dictionary<string, int> { [hostile] = 1 }));

        act.Should().Throw<McpFlowException>().Which.Message.Should().NotContain("DROP").And.Contain("a key of 224 characters");
    }
}
