using McpFlow.Core.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data;

/// <summary>Registers the data group's services and MCP tools.</summary>
public sealed class DataToolGroup : IToolGroup
{
    /// <inheritdoc />
    public string Name => "data";

    /// <inheritdoc />
    public string Description => "Data co-pilot: DuckDB workspace tables, safe SQL, profiling, transformation suggestions, EDA reports.";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
    }
}
