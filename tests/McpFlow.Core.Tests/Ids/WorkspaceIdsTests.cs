using McpFlow.Core.Errors;
using McpFlow.Core.Ids;

namespace McpFlow.Core.Tests.Ids;

public sealed class WorkspaceIdsTests
{
    [Theory]
    [InlineData(IdKind.Job, "job-20261123-101500-ab12cd")]
    [InlineData(IdKind.Run, "run-20261123-101500-ab12cd")]
    [InlineData(IdKind.PinnRun, "pinn-20261123-101500-ab12")]
    [InlineData(IdKind.Pipeline, "pl-20261123-101500-ab12cd")]
    [InlineData(IdKind.Suggestion, "sug-20261123-101500-ab12cd-1")]
    [InlineData(IdKind.MlflowRun, "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b")]
    [InlineData(IdKind.MlflowExperiment, "0")]
    public void Require_AcceptsTheShapeOfItsKind(IdKind kind, string id)
    {
        WorkspaceIds.Require(kind, id, "id").Should().Be(id);
        WorkspaceIds.Example(kind).Should().MatchRegex(".+");
        WorkspaceIds.IsValid(kind, WorkspaceIds.Example(kind)).Should().BeTrue();
    }

    [Theory]
    [InlineData(IdKind.PinnRun, "/etc")]
    [InlineData(IdKind.PinnRun, "../../x")]
    [InlineData(IdKind.Run, "run-20261123-101500-ab12cd/../../x")]
    [InlineData(IdKind.Job, "job-20261123-101500-ab12cd\n")]
    [InlineData(IdKind.MlflowRun, "..")]
    [InlineData(IdKind.MlflowExperiment, "a/b")]
    [InlineData(IdKind.MlflowExperiment, "")]
    public void Require_RefusesPathsAndNamesTheParameter(IdKind kind, string id)
    {
        var act = () => WorkspaceIds.Require(kind, id, "run_id");
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.InvalidInput && e.Message.StartsWith("run_id", StringComparison.Ordinal));
    }

    [Fact]
    public void Require_ShortensALongIdInTheMessage()
    {
        var act = () => WorkspaceIds.Require(IdKind.Run, new string('x', 1_000_000), "run_id");
        act.Should().Throw<McpFlowException>().Where(e => e.Message.Length < 300);
    }

    [Fact]
    public void ChildFolder_IsADirectChildOfTheParent()
    {
        WorkspaceIds.ChildFolder("/tmp/ws/runs", IdKind.Run, "run-20261123-101500-ab12cd", "run_id").Should().Be("/tmp/ws/runs/run-20261123-101500-ab12cd");
        ((Action)(() => WorkspaceIds.ChildFolder("/tmp/ws/runs", IdKind.Run, "/etc", "run_id"))).Should().Throw<McpFlowException>();
    }
}
