using McpFlow.Core.Runs;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using McpFlow.Workbench.Approval;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;
using McpFlow.Workbench.Review;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Tests;

/// <summary>The workbench's domain services over a temporary workspace, without MCP.</summary>
public sealed class WorkbenchFixture : IDisposable
{
    public WorkbenchFixture()
    {
        Root = TempFolder.Create("mcpflow-wb");
        Workspace = new McpFlowWorkspace(Path.Combine(Root, "workspace"));
        Data = Path.Combine(Root, "data");
        Directory.CreateDirectory(Data);
        Audit = new AuditTrail(Workspace, TimeProvider.System);
        Store = new RunStore(Workspace, Audit, new ContentHasher(), TimeProvider.System);
        Recorder = new RunRecorder(Store, new SelfReviewer());
        Decisions = new RunDecisions(Store);
    }

    public string Root { get; }
    public string Data { get; }
    public McpFlowWorkspace Workspace { get; }
    public AuditTrail Audit { get; }
    public RunStore Store { get; }
    public RunRecorder Recorder { get; }
    public RunDecisions Decisions { get; }

    public ApprovalGate Gate(params string[] gated) => new(new WorkbenchOptions { GatedActions = [.. gated] }, Store);

    /// <summary>Records a run with one CSV output, an input file, and the given metrics and summary; returns it REVIEWED.</summary>
    public async Task<RecordedRun> RecordAsync(string title = "Ridge alpha=1", IReadOnlyDictionary<string, double>? metrics = null,
        string summary = "RMSE 1.5 on the holdout.", string? experiment = "sweep", string? input = null)
    {
        input ??= Artifacts.Write(Data, "train.csv", "x,y\n1,2\n2,4\n");
        var scope = Recorder.Begin(new RunStart("test_tool", "training", title, null, [new RunInput("train.csv", input)], experiment));
        var output = Artifacts.Write(scope.Folder, "predictions.csv", "x,y_hat\n1,2.1\n2,3.9\n");
        return await Recorder.CompleteAsync(scope, new RunOutcome([output], metrics ?? new Dictionary<string, double> { ["rmse"] = 1.5, ["mae"] = 1.2 }, summary),
            CancellationToken.None);
    }

    public void Dispose() => TempFolder.TryDelete(Root);
}
