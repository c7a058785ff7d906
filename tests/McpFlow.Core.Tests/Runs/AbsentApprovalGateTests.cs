using McpFlow.Core.Errors;
using McpFlow.Core.Runs;
using McpFlow.Core.Workspace;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Runs;

/// <summary>The fallback gate of a host without the workbench group: no gate configured → allow; gates configured
/// but nothing here can evaluate them → refuse (fail closed).</summary>
public sealed class AbsentApprovalGateTests : IDisposable
{
    private readonly string _root = TempFolder.Create("mcpflow-absent-gate");

    [Theory]
    [InlineData(GatedActions.Export)]
    [InlineData(GatedActions.FinalReport)]
    public void EnsureAllowed_LetsEveryActionProceed_WhenTheWorkspaceConfiguresNoGate(string action) =>
        new AbsentApprovalGate(new McpFlowWorkspace(_root)).EnsureAllowed(action, null);

    [Fact]
    public void EnsureAllowed_RefusesWithTheWayForward_WhenTheWorkspaceConfiguresGatesThatCannotBeEvaluated()
    {
        var gate = new AbsentApprovalGate(new McpFlowWorkspace(_root));
        gate.EnsureAllowed(GatedActions.Export, null);
        File.WriteAllText(Path.Combine(_root, "workbench.json"), """{ "gatedActions": ["export"] }""");

        var act = () => gate.EnsureAllowed(GatedActions.Export, "run-20261123-101500-ab12cd");

        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden
            && e.Message == "'export' refused: the workspace's workbench.json configures approval gates, and this server has no workbench group to evaluate them."
            && e.Hint!.Contains("workbench group") && e.Hint.Contains("remove workbench.json"));
    }

    public void Dispose() => TempFolder.TryDelete(_root);
}
