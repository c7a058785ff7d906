using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Checks;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>A workspace served with --sql-allow-writes, holding the seeded table only (the write attempts need nothing
/// else, and a full seed costs a training).</summary>
public sealed class AllowWritesFixture : IAsyncLifetime
{
    internal SandboxFolders Sandbox { get; } = new("writes");

    internal GuardedServer Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(Sandbox.Workspace, "workbench.json"), SeededWorkspace.GateConfiguration);
        Server = new GuardedServer(new ServerLaunch(Sandbox.Workspace, [Sandbox.Root], Sandbox.Cwd) { ExtraArguments = ["--sql-allow-writes"] });
        await WorkspaceSeed.Call(Server, "data_load", new JsonObject { ["path"] = LinkLayout.Sales, ["table"] = WorkspaceSeed.Table });
        await WorkspaceSeed.Call(Server, "workbench_record_run", new JsonObject
        {
            ["title"] = "seed", ["output_files"] = new JsonArray(LinkLayout.Metrics), ["summary"] = "RMSE 1.23.", ["metrics"] = new JsonObject { ["rmse"] = 1.23 },
        });
    }

    /// <summary>The records to protect: the gate configuration, the audit trail and the database.</summary>
    internal ProtectedRecords Protect()
    {
        var ws = Sandbox.Workspace;
        return new ProtectedRecords()
            .Exact(Path.Combine(ws, "workbench.json"))
            .AppendOnly(Path.Combine(ws, "audit", "audit.jsonl"))
            .Database(Path.Combine(ws, "data.duckdb"));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Sandbox.Dispose();
    }
}
