using McpFlow.Core.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Workbench;

/// <summary>Registers the workbench group's services and MCP tools.</summary>
public sealed class WorkbenchToolGroup : IToolGroup
{
    /// <inheritdoc />
    public string Name => "workbench";

    /// <inheritdoc />
    public string Description => "Workbench: run folders, self-review, approval gates, audit trail, comparison tables.";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
    }
}
