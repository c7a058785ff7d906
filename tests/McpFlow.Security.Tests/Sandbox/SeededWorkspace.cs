using McpFlow.Security.Tests.Harness;

namespace McpFlow.Security.Tests.Sandbox;

/// <summary>A sandbox, a guarded server on its workspace (allowed root: the sandbox root; working folder: outside the
/// roots) and the seed's ids. Shared by the tests of one class (an xunit class fixture).</summary>
internal sealed class SeededWorkspace : IAsyncDisposable
{
    private SeededWorkspace(SandboxFolders sandbox, GuardedServer server, SeedIds ids)
    {
        Sandbox = sandbox;
        Server = server;
        Ids = ids;
    }

    /// <summary>The folders.</summary>
    public SandboxFolders Sandbox { get; }

    /// <summary>The server.</summary>
    public GuardedServer Server { get; }

    /// <summary>What the seed created.</summary>
    public SeedIds Ids { get; }

    /// <summary>The gate configuration written before the first start: nothing gated that an escape attempt needs (so the
    /// file guard, not a gate, is what refuses a write), a reviewer name to show it is ours.</summary>
    public const string GateConfiguration = """{ "gatedActions": ["final_report", "register_model"], "defaultReviewer": "redteam" }""";

    /// <summary>Creates the sandbox, starts the server with <paramref name="extraArguments"/> and seeds it.</summary>
    public static async Task<SeededWorkspace> CreateAsync(string prefix, params string[] extraArguments)
    {
        var sandbox = new SandboxFolders(prefix);
        File.WriteAllText(Path.Combine(sandbox.Workspace, "workbench.json"), GateConfiguration);
        var server = new GuardedServer(new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd) { ExtraArguments = extraArguments });
        try
        {
            return new SeededWorkspace(sandbox, server, await WorkspaceSeed.SeedAsync(server));
        }
        catch
        {
            await server.DisposeAsync();
            sandbox.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Sandbox.Dispose();
    }
}
