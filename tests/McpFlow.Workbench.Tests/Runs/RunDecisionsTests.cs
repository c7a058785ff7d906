using McpFlow.Core.Errors;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Tests.Runs;

public sealed class RunDecisionsTests : IDisposable
{
    private readonly WorkbenchFixture _wb = new();

    [Fact]
    public async Task Decide_ApproveKeepsTheDraft_AndApproveWithEditsStoresTheEditedText()
    {
        var a = await _wb.RecordAsync(summary: "RMSE 1.5.");
        var b = await _wb.RecordAsync(summary: "RMSE 1.5.");
        _wb.Decisions.Decide(a.RunId, Decision.Approve, null, null, "ana", "tool").CurrentDecision!.Interpretation.Should().Be("RMSE 1.5.");
        var edited = _wb.Decisions.Decide(b.RunId, Decision.ApproveWithEdits, "RMSE 1.5; peaks underestimated.", "good", "bo", "elicitation");
        edited.State.Should().Be(RunState.Approved);
        edited.Approval!.Should().Match<ApprovalRecord>(r => r.Interpretation == "RMSE 1.5; peaks underestimated." && r.Reviewer == "bo" && r.Channel == "elicitation" && r.Feedback == "good");
    }

    [Fact]
    public async Task Decide_RefusesARejectionWithoutFeedback_AndEditsWithoutText()
    {
        var run = await _wb.RecordAsync();
        var reject = () => _wb.Decisions.Decide(run.RunId, Decision.Reject, null, " ", "ana", "tool");
        reject.Should().Throw<McpFlowException>().WithMessage("A rejection needs feedback*");
        var edit = () => _wb.Decisions.Decide(run.RunId, Decision.ApproveWithEdits, null, null, "ana", "tool");
        edit.Should().Throw<McpFlowException>().WithMessage("approve_with_edits needs the edited interpretation text.");
        _wb.Store.Load(run.RunId).State.Should().Be(RunState.Reviewed);
    }

    [Fact]
    public async Task Decide_RefusesEditsToAnApprovedRun()
    {
        var run = await _wb.RecordAsync();
        _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");
        var act = () => _wb.Decisions.Decide(run.RunId, Decision.ApproveWithEdits, "new text", null, "ana", "tool");
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Conflict && e.Message.Contains("is APPROVED; it cannot become APPROVED"));
    }

    [Fact]
    public async Task Decide_KeepsEarlierDecisionsWhenARejectedRunIsApprovedLater()
    {
        var run = await _wb.RecordAsync();
        _wb.Decisions.Decide(run.RunId, Decision.Reject, null, "wrong split", "ana", "tool");
        var scope = _wb.Recorder.BeginRerun(run.RunId, new Core.Runs.RunStart("t", "training", "T", null, []));
        var output = Artifacts.Write(scope.Folder, "o.csv", "a\n1\n");
        await _wb.Recorder.CompleteAsync(scope, new Core.Runs.RunOutcome([output], new Dictionary<string, double>(), "ok"), default);
        var approved = _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");
        approved.Approval!.Attempt.Should().Be(2);
        approved.Approval.Earlier.Should().ContainSingle().Which.Feedback.Should().Be("wrong split");
    }

    [Theory]
    [InlineData(Decision.Approve, RunState.Approved)]
    [InlineData(Decision.Reject, RunState.Rejected)]
    public async Task Load_CompletesADecisionInterruptedBetweenItsTwoWrites(Decision decision, RunState expected)
    {
        // What a crash between RunDecisions.Decide's two writes leaves: approval.json for the current attempt, audited, and
        // the REVIEWED manifest. The next read moves the manifest on as the decision said.
        var run = await _wb.RecordAsync(summary: "RMSE 1.5.");
        var record = new ApprovalRecord
        {
            RunId = run.RunId, Attempt = _wb.Store.Load(run.RunId).Manifest.Attempt, Decision = decision, Interpretation = decision == Decision.Reject ? null : "RMSE 1.5.",
            Feedback = decision == Decision.Reject ? "wrong split" : null, Reviewer = "ana", DecidedAt = _wb.Store.Time.GetUtcNow(), Channel = "tool",
        };
        _wb.Store.Write(run.RunId, RunStore.ApprovalFile, record, expected.Name(), $"decision: {decision.Name()}", decision.Name());
        _wb.Restart(); // the process died there

        var loaded = _wb.Store.Load(run.RunId);

        loaded.State.Should().Be(expected);
        loaded.Manifest.History[^1].Reason.Should().StartWith($"{decision.Name()} by ana via tool").And.Contain("completed at the next read");
        _wb.Store.Load(run.RunId).Manifest.History.Should().HaveCount(loaded.Manifest.History.Count, "the completion is written once");
        _wb.Audit.Verify().Valid.Should().BeTrue();
        var again = () => _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "bo", "tool");
        again.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Conflict);
    }

    public void Dispose() => _wb.Dispose();
}
