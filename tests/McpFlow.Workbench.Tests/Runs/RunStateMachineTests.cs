using McpFlow.Core.Errors;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Tests.Runs;

public sealed class RunStateMachineTests
{
    // The legal transitions, written out from the issue: STALE → EXECUTED → REVIEWED → APPROVED | REJECTED,
    // re-review keeps REVIEWED, and every executed state can become STALE (changed input or re-execution).
    private static readonly HashSet<(RunState, RunState)> Legal =
    [
        (RunState.Stale, RunState.Executed),
        (RunState.Executed, RunState.Reviewed),
        (RunState.Reviewed, RunState.Reviewed),
        (RunState.Reviewed, RunState.Approved),
        (RunState.Reviewed, RunState.Rejected),
        (RunState.Executed, RunState.Stale),
        (RunState.Reviewed, RunState.Stale),
        (RunState.Approved, RunState.Stale),
        (RunState.Rejected, RunState.Stale),
    ];

    public static TheoryData<RunState, RunState> AllPairs()
    {
        var data = new TheoryData<RunState, RunState>();
        foreach (var from in Enum.GetValues<RunState>())
            foreach (var to in Enum.GetValues<RunState>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Ensure_AllowsExactlyTheLegalTransitions_AndRefusesTheOthersWithAConflict(RunState from, RunState to)
    {
        var act = () => RunStateMachine.Ensure("run-20261123-101500-ab12cd", from, to);
        if (Legal.Contains((from, to)))
            act.Should().NotThrow();
        else
            act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Conflict
                && e.Message == $"Run run-20261123-101500-ab12cd is {from.Name()}; it cannot become {to.Name()}." && e.Hint != null);
    }

    [Fact]
    public void Ensure_ExplainsThatAnApprovedRunIsFinal()
    {
        var act = () => RunStateMachine.Ensure("run-20261123-101500-ab12cd", RunState.Approved, RunState.Rejected);
        act.Should().Throw<McpFlowException>().Which.Hint.Should().Contain("approved and its records are final");
    }
}
