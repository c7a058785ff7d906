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
    public WorkbenchFixture(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Root = TempFolder.Create("mcpflow-wb");
        Workspace = new McpFlowWorkspace(Path.Combine(Root, "workspace"));
        Data = Path.Combine(Root, "data");
        Directory.CreateDirectory(Data);
        Restart();
    }

    public TimeProvider Time { get; }
    public string Root { get; }
    public string Data { get; }
    public McpFlowWorkspace Workspace { get; }
    public AuditTrail Audit { get; private set; } = null!;
    public RunStore Store { get; private set; } = null!;
    public RunRecorder Recorder { get; private set; } = null!;
    public RunDecisions Decisions { get; private set; } = null!;

    /// <summary>New services over the same workspace, as after a server restart.</summary>
    public void Restart()
    {
        Audit = new AuditTrail(Workspace, Time);
        Store = new RunStore(Workspace, Audit, new ContentHasher(), Time);
        Recorder = new RunRecorder(Store, new SelfReviewer());
        Decisions = new RunDecisions(Store);
    }

    public ApprovalGate Gate(params string[] gated) => new(new WorkbenchOptions { GatedActions = [.. gated] }, Store);

    /// <summary>Records a run with one CSV output, an input file, and the given metrics and summary; returns it REVIEWED.</summary>
    public async Task<RecordedRun> RecordAsync(string title = "Ridge alpha=1", IReadOnlyDictionary<string, double>? metrics = null,
        string summary = "RMSE 1.5 on the holdout.", string? experiment = "sweep", string? input = null, string? trackingRunId = null)
    {
        input ??= Artifacts.Write(Data, "train.csv", "x,y\n1,2\n2,4\n");
        var scope = Recorder.Begin(new RunStart("test_tool", "training", title, null, [new RunInput("train.csv", input)], experiment));
        var output = Artifacts.Write(scope.Folder, "predictions.csv", "x,y_hat\n1,2.1\n2,3.9\n");
        return await Recorder.CompleteAsync(scope, new RunOutcome([output], metrics ?? new Dictionary<string, double> { ["rmse"] = 1.5, ["mae"] = 1.2 }, summary, null, trackingRunId),
            CancellationToken.None);
    }

    public void Dispose() => TempFolder.TryDelete(Root);
}
