using McpFlow.Core.Errors;
using McpFlow.Core.Runs;
using McpFlow.Workbench.Approval;
using McpFlow.Workbench.Runs;
using McpFlow.Workbench.Tests.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Workbench.Tests;

public sealed class WorkbenchToolGroupTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task AddServices_RegistersTheRunRecorderAndApprovalGateContracts_ThatOtherGroupsCall()
    {
        Services.GetRequiredService<IRunRecorder>().Should().BeOfType<RunRecorder>();
        var gate = Services.GetRequiredService<IApprovalGate>().Should().BeOfType<ApprovalGate>().Subject;

        // A step of another group: Begin, write outputs into the folder, Complete; then the gate protects its publication.
        var recorder = Services.GetRequiredService<IRunRecorder>();
        var scope = recorder.Begin(new RunStart("analyze_dataframe", "profile", "Profile of customers", null, []));
        var output = Artifacts.Write(scope.Folder, "profile.json", "{\"rows\":10000,\"columns\":8}");
        var recorded = await recorder.CompleteAsync(scope, new RunOutcome([output], new Dictionary<string, double>(), "10K rows, 8 columns."), default);
        recorded.State.Should().Be("REVIEWED");
        var act = () => gate.EnsureAllowed(GatedActions.FinalReport, recorded.RunId);
        act.Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Forbidden);
        gate.EnsureAllowed(GatedActions.Export, recorded.RunId); // export is not gated by default

        await DecideAsync(recorded.RunId, "approve");
        gate.EnsureAllowed(GatedActions.FinalReport, recorded.RunId);
        Services.GetRequiredService<WorkbenchOptions>().GatedActions.Should().BeEquivalentTo(["final_report", "register_model"]);
    }
}
