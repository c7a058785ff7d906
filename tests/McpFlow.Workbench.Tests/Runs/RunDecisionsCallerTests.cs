using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Tests.Runs;

/// <summary>Decisions in team mode: only approvers decide, the reviewer is the caller, and an approver does not approve
/// a run they recorded unless allowed.</summary>
public sealed class RunDecisionsCallerTests : IDisposable
{
    private static readonly Caller Ana = new("ana", UserRole.Approver, MaySelfApprove: false);
    private static readonly Caller Bea = new("bea", UserRole.Approver, MaySelfApprove: false);
    private readonly WorkbenchFixture _wb = new();

    private async Task<string> RecordAsAsync(Caller caller)
    {
        using (CallerScope.Enter(caller))
            return (await _wb.RecordAsync()).RunId;
    }

    [Fact]
    public async Task AnApprover_CannotApproveTheirOwnRun_ButAnotherApproverCan()
    {
        var runId = await RecordAsAsync(Ana);
        _wb.Store.Load(runId).Manifest.RecordedBy.Should().Be("ana");

        using (CallerScope.Enter(Ana))
        {
            var own = () => _wb.Decisions.Decide(runId, Decision.Approve, null, null, "ana", "tool");
            own.Should().Throw<McpFlowException>().Which.Message.Should().Be($"User 'ana' recorded run {runId}, so another approver must approve it.");
        }

        using (CallerScope.Enter(Bea))
        {
            // The reviewer argument names someone else: the caller is recorded instead.
            var approved = _wb.Decisions.Decide(runId, Decision.Approve, null, null, "mallory", "tool");
            approved.State.Should().Be(RunState.Approved);
            approved.Approval!.Reviewer.Should().Be("bea");
        }
    }

    [Fact]
    public async Task AnApprover_MayRejectTheirOwnRun_AndMayApproveItWhenAllowed()
    {
        var rejected = await RecordAsAsync(Ana);
        using (CallerScope.Enter(Ana))
            _wb.Decisions.Decide(rejected, Decision.Reject, null, "wrong split", "ana", "tool").State.Should().Be(RunState.Rejected);

        var allowed = await RecordAsAsync(Ana);
        using (CallerScope.Enter(Ana with { MaySelfApprove = true }))
            _wb.Decisions.Decide(allowed, Decision.Approve, null, null, "ana", "tool").State.Should().Be(RunState.Approved);
    }

    [Fact]
    public async Task AnAnalyst_CannotDecide()
    {
        var runId = await RecordAsAsync(Bea);
        using var scope = CallerScope.Enter(new Caller("carl", UserRole.Analyst, MaySelfApprove: true));
        var act = () => _wb.Decisions.Decide(runId, Decision.Reject, null, "no", "carl", "tool");
        act.Should().Throw<McpFlowException>().Which.Message.Should().Be($"User 'carl' has the role analyst; only an approver may decide on run {runId}.");
    }

    [Fact]
    public async Task AGatedAction_NeedsAnApprover_AnUngatedOneDoesNot()
    {
        var runId = await RecordAsAsync(Bea);
        var gate = _wb.Gate("export");
        using var scope = CallerScope.Enter(new Caller("carl", UserRole.Analyst, MaySelfApprove: false));
        var gated = () => gate.EnsureAllowed("export", runId);
        gated.Should().Throw<McpFlowException>().Which.Message.Should().StartWith("'export' is a gated action and user 'carl' has the role analyst");
        gate.EnsureAllowed("register_model", runId); // not gated here: anyone may
    }

    [Fact]
    public async Task TheLocalUser_ApprovesTheirOwnRun_AsBeforeUsersExisted()
    {
        var runId = (await _wb.RecordAsync()).RunId;
        _wb.Store.Load(runId).Manifest.RecordedBy.Should().Be("local");
        _wb.Decisions.Decide(runId, Decision.Approve, null, null, "ana", "tool").Approval!.Reviewer.Should().Be("ana");
    }

    public void Dispose() => _wb.Dispose();
}
