using McpFlow.Core.Mcp;

namespace McpFlow.Physics.Tests.Tools;

/// <summary>Annotations say what each physics tool does to the workspace.</summary>
public sealed class PhysicsToolAnnotationsTests : PhysicsServerTestBase
{
    [Theory]
    [InlineData("analyze_pde_problem", true, true)]
    [InlineData("pinn_evaluate", true, true)]
    [InlineData("pinn_list_runs", true, true)]
    [InlineData("predict_convergence", true, true)]
    [InlineData("pinn_status", false, true)]       // re-saves loss.png in the run folder
    [InlineData("validate_solution", false, true)] // re-saves solution.png and error.png in the run folder
    [InlineData("pinn_train", false, false)]       // every call creates a new run
    public async Task Annotations_AreHonest_AboutWritesAndRepeats(string name, bool readOnly, bool idempotent)
    {
        var tools = await Client.ListToolsAsync();
        var hints = ToolHints.Effective(tools.Single(t => t.Name == name).ProtocolTool.Annotations);

        hints.Should().Be(new ToolBehaviour(ReadOnly: readOnly, Destructive: false, Idempotent: idempotent, OpenWorld: false));
    }
}
