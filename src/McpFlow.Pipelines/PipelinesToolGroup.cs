using McpFlow.Core.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Pipelines;

/// <summary>Registers the pipelines group's services and MCP tools.</summary>
public sealed class PipelinesToolGroup : IToolGroup
{
    /// <inheritdoc />
    public string Name => "pipelines";

    /// <inheritdoc />
    public string Description => "Pipeline builder: ML.NET pipelines, step evaluation, model comparison, forecasting.";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
    }
}
