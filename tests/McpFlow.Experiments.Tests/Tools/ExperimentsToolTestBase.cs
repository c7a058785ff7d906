using McpFlow.Core.Groups;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>In-memory MCP server with the experiments group over a fresh workspace file store.</summary>
public abstract class ExperimentsToolTestBase : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new ExperimentsToolGroup()];
}
