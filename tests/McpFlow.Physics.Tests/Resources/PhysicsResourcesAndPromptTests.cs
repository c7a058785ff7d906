using McpFlow.Physics.Tests.Tools;
using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Physics.Tests.Resources;

public sealed class PhysicsResourcesAndPromptTests : PhysicsServerTestBase
{
    [Fact]
    public async Task RunResource_ReturnsTheRunWithItsHistory()
    {
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = 20, lbfgs_steps = 0 }, wait_seconds = 30 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString();

        var resource = await Client.ReadResourceAsync($"physics://runs/{runId}");
        var text = resource.Contents.OfType<TextResourceContents>().Single().Text;
        text.Should().Contain(runId).And.Contain("\"history\"").And.Contain("\"finished\"");
    }

    [Fact]
    public async Task RunResource_ReportsAnUnknownRun()
    {
        var act = async () => await Client.ReadResourceAsync("physics://runs/pinn-unknown");
        (await act.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("pinn-unknown");
    }

    [Fact]
    public async Task SolvePdePrompt_WalksThroughAnalyzeTrainPredictValidate()
    {
        var prompt = await Client.GetPromptAsync("solve_pde", new Dictionary<string, object?> { ["problem"] = "Poisson on the unit square" });
        var text = string.Join("\n", prompt.Messages.Select(m => (m.Content as TextContentBlock)?.Text));
        text.Should().Contain("Poisson on the unit square").And.Contain("analyze_pde_problem").And.Contain("predict_convergence").And.Contain("validate_solution");
    }
}
