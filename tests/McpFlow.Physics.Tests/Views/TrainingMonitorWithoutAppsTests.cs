using McpFlow.Physics.Tests.Tools;
using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Physics.Tests.Views;

/// <summary>A client without the MCP Apps extension gets the physics group's answers as before the training monitor.</summary>
public sealed class TrainingMonitorWithoutAppsTests : PhysicsServerTestBase
{
    [Fact]
    public async Task ToolsList_IsTheServersToolsUnchanged()
    {
        await AppViewChecks.ToolsListShouldBeUnchanged(Client, Services);
    }

    [Fact]
    public async Task ResourcesList_LeavesTheViewOut()
    {
        await AppViewChecks.ViewsShouldBeHidden(Client);
    }

    [Fact]
    public async Task PinnTrainAndStatus_AnswerWithoutAnyUiMetadata()
    {
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = 5, lbfgs_steps = 0 }, wait_seconds = 30 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString();
        var status = await CallOkAsync("pinn_status", new { run_id = runId });
        foreach (var result in new[] { train, status })
            (result.Meta ?? []).Should().NotContain(p => p.Key.StartsWith("ui", StringComparison.Ordinal));
        status.Content.OfType<TextContentBlock>().First().Text.Should().StartWith($"Run {runId} [finished]: step ");
        status.Content.OfType<ImageContentBlock>().Should().ContainSingle("the loss chart, as before");
    }
}
