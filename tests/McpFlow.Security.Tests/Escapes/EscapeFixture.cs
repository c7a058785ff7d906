using McpFlow.Security.Tests.Checks;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>A seeded workspace for the escape attempts, the fakes outside its roots, and the records to protect.</summary>
public sealed class EscapeFixture : IAsyncLifetime
{
    internal SeededWorkspace Workspace { get; private set; } = null!;

    internal FakeRecords Fakes { get; private set; } = null!;

    internal IReadOnlyList<Fuzz.ToolShape> Tools { get; private set; } = [];

    internal IReadOnlyList<string> Templates { get; private set; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Workspace = await SeededWorkspace.CreateAsync("escape");
        Fakes = new FakeRecords(Workspace.Sandbox, Workspace.Ids);
        Tools = await Fuzz.ToolShape.ListAsync(Workspace.Server);
        var instance = await Workspace.Server.InstanceAsync();
        Templates = (await instance.Client.ListResourceTemplatesAsync()).Select(t => t.UriTemplate).ToList();
    }

    /// <summary>The workspace's records as they are now: the gate configuration, a run's manifest, a job record, a PINN
    /// run, a pipeline spec, the MLflow experiment, a suggestion, a report, the audit trail and the database.</summary>
    internal ProtectedRecords Protect()
    {
        var ws = Workspace.Sandbox.Workspace;
        var ids = Workspace.Ids;
        return new ProtectedRecords()
            .Exact(Path.Combine(ws, "workbench.json"))
            .Exact(Path.Combine(ws, "runs", ids.WorkbenchRun, "manifest.json"))
            .Exact(Path.Combine(ws, "jobs", ids.PinnJob, "job.json"))
            .Exact(Path.Combine(ws, "physics", "runs", ids.PinnRun, "run.json"))
            .Exact(Path.Combine(ws, "pipelines", "specs", ids.PipelineSpec + ".json"))
            .Exact(Path.Combine(ws, "mlruns", ids.ExperimentId, "meta.yaml"))
            .Exact(Path.Combine(ws, "suggestions", ids.Suggestion + ".json"))
            .Exact(Path.Combine(ws, "reports", ids.Report, "report.md"))
            .Exact(Path.Combine(ws, "jobs", "redteam.json"))
            .AppendOnly(Path.Combine(ws, "audit", "audit.jsonl"))
            .Database(Path.Combine(ws, "data.duckdb"));
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Workspace.DisposeAsync();
}
