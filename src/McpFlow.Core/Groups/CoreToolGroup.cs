using McpFlow.Core.Docs;
using McpFlow.Core.Mcp.Completions;
using McpFlow.Core.Resources;
using McpFlow.Core.Storage;
using McpFlow.Core.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Core.Groups;

/// <summary>The always-on group: <c>server_info</c>, the job tools, and the tools' documentation pages.</summary>
public sealed class CoreToolGroup : IToolGroup
{
    /// <inheritdoc />
    public string Name => "core";

    /// <inheritdoc />
    public string Description => "server_info and background-job tools (always enabled)";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IEngineProbe>(new EngineProbe("DuckDB", () => new EngineStatus("DuckDB", true, DuckDbGateway.EngineVersion(), "DuckDB.NET")));
        services.AddSingleton<IEngineProbe>(new EngineProbe("ScottPlot", () =>
        {
            using var plot = new ScottPlot.Plot();
            var png = plot.GetImageBytes(32, 32, ScottPlot.ImageFormat.Png);
            return new EngineStatus("ScottPlot", png.Length > 0, typeof(ScottPlot.Plot).Assembly.GetName().Version?.ToString(), "PNG rendering via SkiaSharp");
        }));
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
        mcp.WithTools<ServerInfoTool>().WithTools<JobTools>().WithResources<JobResources>().WithResources<ToolDocResources>();
        mcp.Services.AddSingleton<ICompletionSource, JobCompletions>();
        mcp.Services.AddSingleton<ToolPages>();
        mcp.Services.AddSingleton<ToolDocumentation>();
        mcp.Services.AddSingleton<ICompletionSource, ToolDocCompletions>();
    }
}
