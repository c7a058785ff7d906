using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Core.Groups;

/// <summary>
/// A tool group (data, experiments, physics, pipelines, workbench): registers its domain services and its MCP
/// tools, resources and prompts. The server enables a subset of groups by name.
/// </summary>
public interface IToolGroup
{
    /// <summary>Short lower-case name used in configuration, e.g. <c>data</c>.</summary>
    string Name { get; }

    /// <summary>One-line description for <c>--help</c> and <c>server_info</c>.</summary>
    string Description { get; }

    /// <summary>Registers domain services (and any <see cref="IEngineProbe"/>).</summary>
    void AddServices(IServiceCollection services);

    /// <summary>Registers MCP tools, resources and prompts.</summary>
    void AddMcp(IMcpServerBuilder mcp);
}
