using McpFlow.Core.Errors;
using McpFlow.Core.Runs;
using McpFlow.Workbench.Approval;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Tests.Approval;

public sealed class ApprovalGateTests : IDisposable
{
    private readonly WorkbenchFixture _wb = new();

    [Fact]
    public async Task EnsureAllowed_LetsAGatedActionProceedForAnApprovedRun_AndAnUngatedOneForAnyRun()
    {
        var run = await _wb.RecordAsync();
        _wb.Gate(GatedActions.FinalReport).EnsureAllowed(GatedActions.Export, null);
        _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");
        _wb.Gate(GatedActions.FinalReport).EnsureAllowed(GatedActions.FinalReport, run.RunId);
    }

    [Fact]
    public async Task EnsureAllowed_RefusesAReviewedRun_WithTheWayForward()
    {
        var run = await _wb.RecordAsync();
        var act = () => _wb.Gate(GatedActions.Export).EnsureAllowed(GatedActions.Export, run.RunId);
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden
            && e.Message == $"'export' is gated and run {run.RunId} is REVIEWED, not APPROVED." && e.Hint!.Contains("workbench_request_approval"));
    }

    [Fact]
    public async Task EnsureAllowed_ForAModel_NeedsTheApprovedRunThatLoggedIt()
    {
        var training = await _wb.RecordAsync(trackingRunId: "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b");
        var other = await _wb.RecordAsync(title: "Profile");
        _wb.Decisions.Decide(training.RunId, Decision.Approve, null, null, "ana", "tool");
        _wb.Decisions.Decide(other.RunId, Decision.Approve, null, null, "ana", "tool");
        var gate = _wb.Gate(GatedActions.RegisterModel);

        gate.EnsureAllowed(GatedActions.RegisterModel, training.RunId, "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b");
        var anotherModel = () => gate.EnsureAllowed(GatedActions.RegisterModel, training.RunId, "aaaabbbbccccddddeeeeffff00001111");
        var unrelatedStep = () => gate.EnsureAllowed(GatedActions.RegisterModel, other.RunId, "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b");

        anotherModel.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden
            && e.Message == $"'register_model' refused: run {training.RunId} is APPROVED, but it logged MLflow run 0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b, not run aaaabbbbccccddddeeeeffff00001111 whose model this publishes. An approval covers only the step that was reviewed."
            && e.Hint!.Contains("as approved_run_id"));
        unrelatedStep.Should().Throw<McpFlowException>().WithMessage("*it logged no MLflow run, not run 0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b*");
    }

    [Fact]
    public void EnsureAllowed_RefusesWhenNoRunIsNamed() =>
        ((Action)(() => _wb.Gate(GatedActions.RegisterModel).EnsureAllowed(GatedActions.RegisterModel, null)))
            .Should().Throw<McpFlowException>().WithMessage("'register_model' is gated*no run was named*");

    [Fact]
    public async Task EnsureAllowed_CannotBeBypassedByHandEditingTheRecords()
    {
        var run = await _wb.RecordAsync();
        var manifest = Path.Combine(run.Folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"REVIEWED\"", "\"APPROVED\"", StringComparison.Ordinal));
        var act = () => _wb.Gate(GatedActions.FinalReport).EnsureAllowed(GatedActions.FinalReport, run.RunId);
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden && e.Message.Contains("cannot be trusted"));
    }

    [Fact]
    public async Task EnsureAllowed_FailsClosedWithAnActionableMessage_WhenTheRecordsCannotBeRead()
    {
        var run = await _wb.RecordAsync();
        _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");
        // The manifest replaced by a link to /proc/self/mem: it exists, and reading it from offset 0 fails with EIO, a
        // real I/O error even for root (who reads past chmod 000).
        var manifest = Path.Combine(run.Folder, "manifest.json");
        File.Delete(manifest);
        File.CreateSymbolicLink(manifest, "/proc/self/mem");
        var act = () => _wb.Gate(GatedActions.FinalReport).EnsureAllowed(GatedActions.FinalReport, run.RunId);
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden
            && e.Message.StartsWith($"'final_report' refused: the records of run {run.RunId} could not be read (", StringComparison.Ordinal)
            && e.Hint!.Contains($"runs/{run.RunId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureAllowed_RefusesAnApprovedRunWhoseInputChanged()
    {
        var input = Artifacts.Write(_wb.Data, "in.csv", "x\n1\n");
        var run = await _wb.RecordAsync(input: input);
        _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");
        File.WriteAllText(input, "x\n9\n");
        var act = () => _wb.Gate(GatedActions.FinalReport).EnsureAllowed(GatedActions.FinalReport, run.RunId);
        act.Should().Throw<McpFlowException>().WithMessage("*is STALE, not APPROVED*");
    }

    [Fact]
    public void Options_DefaultToGatingFinalReportAndModelRegistration_AndReadWorkbenchJson()
    {
        var defaults = WorkbenchOptions.Load(_wb.Workspace.Root);
        defaults.GatedActions.Should().BeEquivalentTo(["final_report", "register_model"]);
        Directory.CreateDirectory(_wb.Workspace.Root);
        File.WriteAllText(Path.Combine(_wb.Workspace.Root, "workbench.json"), """{"gatedActions":["export","write_user_data"],"defaultReviewer":"ana"}""");
        var loaded = WorkbenchOptions.Load(_wb.Workspace.Root);
        loaded.IsGated("export").Should().BeTrue();
        loaded.IsGated("final_report").Should().BeFalse();
        loaded.DefaultReviewer.Should().Be("ana");
    }

    [Fact]
    public void Options_RefuseUnknownActions()
    {
        Directory.CreateDirectory(_wb.Workspace.Root);
        File.WriteAllText(Path.Combine(_wb.Workspace.Root, "workbench.json"), """{"gatedActions":["publish"]}""");
        var act = () => WorkbenchOptions.Load(_wb.Workspace.Root);
        act.Should().Throw<McpFlowException>().WithMessage("*gates unknown action(s): publish.");
    }

    public void Dispose() => _wb.Dispose();
}
