using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Tests.Records;

/// <summary>The one mapping from a decision to the state it moves a run to (used by a decision and by the completion of
/// an interrupted one). Expected values: the workbench state machine in docs/workbench.md (approve and approve_with_edits
/// → APPROVED, reject → REJECTED).</summary>
public sealed class DecisionNamesTests
{
    [Theory]
    [InlineData(Decision.Approve, RunState.Approved, "approved")]
    [InlineData(Decision.ApproveWithEdits, RunState.Approved, "approved")]
    [InlineData(Decision.Reject, RunState.Rejected, "rejected")]
    public void Outcome_IsTheStateTheDecisionMovesTo(Decision decision, RunState state, string word)
    {
        decision.Outcome().Should().Be(state);
        decision.OutcomeWord().Should().Be(word);
    }

    [Fact]
    public void Parse_ReadsEveryNameItWrites() =>
        DecisionNames.All.Select(DecisionNames.Parse).Select(d => d.Name()).Should().Equal(DecisionNames.All);
}
