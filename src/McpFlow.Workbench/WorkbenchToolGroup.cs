using McpFlow.Core.Groups;
using McpFlow.Core.Identity;
using McpFlow.Core.Mcp.Apps;
using McpFlow.Core.Mcp.Completions;
using McpFlow.Core.Runs;
using McpFlow.Core.Workspace;
using McpFlow.Workbench.Approval;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;
using McpFlow.Workbench.Presentation;
using McpFlow.Workbench.Prompts;
using McpFlow.Workbench.Resources;
using McpFlow.Workbench.Review;
using McpFlow.Workbench.Runs;
using McpFlow.Workbench.Team;
using McpFlow.Workbench.Tools;
using McpFlow.Workbench.Views;
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
        services.AddSingletonFrom<McpFlowWorkspace, WorkbenchOptions>(workspace => WorkbenchOptions.Load(workspace.Root));
        services.AddSingleton<ContentHasher>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<PostgresAuditChain>();
        services.AddChosen<IAuditChain, PostgresAuditChain, AuditTrail>(o => o.Team.Enabled); // team mode: one chain in PostgreSQL
        services.AddSingleton<AuditInputHasher>();
        services.AddHostedService<AuditTrailStartup>();
        services.AddSingleton<RefusalAudit>();
        services.AddForwarded<IRefusalAudit, RefusalAudit>();
        services.AddSingleton<FileRunRecords>();
        services.AddSingleton<PostgresRunRecords>();
        services.AddChosen<IRunRecordStore, PostgresRunRecords, FileRunRecords>(o => o.Team.Enabled); // team mode: one review queue
        services.AddSingleton<RunStore>();
        services.AddSingleton<SelfReviewer>();
        services.AddSingleton<RunRecorder>();
        services.AddForwarded<IRunRecorder, RunRecorder>();
        services.AddSingleton<RunDecisions>();
        services.AddSingleton<ApprovalGate>();
        services.AddForwarded<IApprovalGate, ApprovalGate>();
        services.AddSingleton<RunComparer>();
        services.AddSingleton<FinalReportWriter>();
        services.AddSingleton<ReportFiles>();
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
        mcp.WithRequestFilters(filters => filters.AddCallToolFilter(AuditCallToolFilter.Wrap));
        mcp.WithTools<RecordRunTool>()
            .WithTools<ListRunsTool>()
            .WithTools<RunCardTool>()
            .WithTools<ReviewTool>()
            .WithTools<RequestApprovalTool>()
            .WithTools<DecideTool>()
            .WithTools<CompareTool>()
            .WithTools<ReportTool>()
            .WithTools<AuditTool>()
            .WithResources<WorkbenchResources>()
            .WithPrompts<WorkbenchPrompts>()
            .WithAppView(ReviewCardView.View);
        mcp.Services.AddSingleton<ICompletionSource, WorkbenchCompletions>();
    }
}
