using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>One seeded workspace and server for the whole fuzz, and the tools it lists.</summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    internal SeededWorkspace Workspace { get; private set; } = null!;

    internal IReadOnlyList<ToolShape> Tools { get; private set; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Workspace = await SeededWorkspace.CreateAsync("fuzz");
        Tools = await ToolShape.ListAsync(Workspace.Server);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Workspace.DisposeAsync();
}
