using McpFlow.Core.Configuration;
using McpFlow.Core.Files;
using McpFlow.Core.Groups;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp;
using McpFlow.Core.Mcp.Apps;
using McpFlow.Core.Mcp.Arguments;
using McpFlow.Core.Mcp.Completions;
using McpFlow.Core.Storage;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Core.Team;
using McpFlow.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace McpFlow.Core;

/// <summary>Registers McpFlow's core services and the selected tool groups.</summary>
public static class McpFlowCoreServices
{
    /// <summary>
    /// Adds options, workspace, file guard, jobs, every group's services, and the MCP surface of the groups
    /// named in <paramref name="options"/> (all when none are named), plus the request filters (result cap, error
    /// containment, argument checks) and read-only filtering. Returns the MCP builder for transports.
    /// </summary>
    public static IMcpServerBuilder AddMcpFlow(this IServiceCollection services, McpFlowOptions options, IReadOnlyList<IToolGroup> groups)
    {
        var all = new List<IToolGroup> { new CoreToolGroup() };
        all.AddRange(groups);
        var enabled = all.Where(g => g.Name == "core" || options.Groups.Count == 0
                || options.Groups.Contains(g.Name, StringComparer.OrdinalIgnoreCase))
            .ToList();

        services.AddSingleton(options);
        services.AddSingleton(new ToolGroupSelection(all, enabled.Select(g => g.Name).ToList()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new McpFlowWorkspace(options));
        services.AddSingleton(new FileAccessGuard(options));
        services.AddSingleton<SharedTableCatalogue>(); // team mode: the table catalogue in PostgreSQL, per-process DuckDB files
        services.AddSingleton<DuckDbGateway>();
        services.AddSingleton<JobManager>();
        services.AddSingleton<DistributedJobKinds>();
        services.AddSingleton<JobCalls>();
        services.AddSingleton<TeamDatabase>(); // lazy: connects only in team mode
        if (options.Team.Enabled)
            services.AddHostedService<TeamDatabaseStartup>(); // migrations before any group's start-up work

        var mcp = services.AddMcpServer(server =>
        {
            server.ServerInfo = new() { Name = "McpFlow", Title = "McpFlow data-science co-pilot", Version = typeof(McpFlowCoreServices).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" };
            server.ServerInstructions = ServerInstructions.Text;
        });
        // Filters run outermost first: the result cap sees every answer (errors included), the client log reports failures and durations
        // (notifications/message), the error filter turns
        // every failure into text the model may see, the caller's role is checked (and the caller made current for what
        // the call records), and arguments are checked against the tool's schema before the SDK binds them. Groups' own
        // filters (e.g. the workbench audit) run inside these.
        mcp.WithRequestFilters(filters => filters
            .AddCallToolFilter(ResultCapFilter.Wrap)
            .AddCallToolFilter(ClientLogFilter.Wrap)
            .AddCallToolFilter(ToolErrorFilter.Wrap)
            .AddCallToolFilter(RoleFilter.Wrap)
            .AddCallToolFilter(ArgumentValidationFilter.Wrap)
            .AddListToolsFilter(RoleFilter.WrapList)
            .AddListResourcesFilter(AppViewResources.HideFromOtherClients)
            .AddReadResourceFilter(ToolErrorFilter.WrapRequest)
            .AddGetPromptFilter(ToolErrorFilter.WrapRequest)
            .AddGetPromptFilter(PromptArgumentFilter.Wrap));
        mcp.WithMessageFilters(filters => filters
            .AddIncomingFilter(ProtocolErrorFilter.Wrap)
            .AddIncomingFilter(ProtocolVersionFilter.Wrap)
            .AddOutgoingFilter(AppsCapabilityFilter.Wrap));
        mcp.WithCompleteHandler(CompletionHandler.HandleAsync);
        // Services of every group are registered (they are lazy singletons) so groups can use each other's
        // services, e.g. physics logs through the experiments group's tracking store even when that group's
        // tools are disabled. Only enabled groups expose tools, resources and prompts.
        foreach (var group in all)
            group.AddServices(services);
        services.TryAddFallbacks();
        foreach (var group in enabled)
            group.AddMcp(mcp);

        // After every group registered its tools: publish client-safe schemas, set configuration-dependent
        // annotations, send only the hints that differ from the defaults, then drop the tools the options leave out.
        services.PostConfigure<McpServerOptions>(ToolSchemas.Publish);
        services.PostConfigure<McpServerOptions>(server => OpenWorldAnnotations.Apply(server, options));
        services.PostConfigure<McpServerOptions>(ToolTitles.Apply);
        services.PostConfigure<McpServerOptions>(ToolHints.Apply);
        services.PostConfigure<McpServerOptions>(server => ToolNameFilter.Apply(server, options));
        if (options.ReadOnly)
            services.PostConfigure<McpServerOptions>(ReadOnlyFilter.Apply);
        return mcp;
    }
}
