using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp.Apps;
using McpFlow.Core.Mcp.Completions;
using McpFlow.Core.Storage;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Data.Export;
using McpFlow.Data.Loading;
using McpFlow.Data.Profiling;
using McpFlow.Data.Prompts;
using McpFlow.Data.Query;
using McpFlow.Data.Reports;
using McpFlow.Data.Resources;
using McpFlow.Data.Sources;
using McpFlow.Data.Storage;
using McpFlow.Data.Tools;
using McpFlow.Data.Transformations;
using McpFlow.Data.Views;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

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
        services.AddSingleton<DataDatabase>();
        services.AddSingleton<ITableMetadata, DataTableMetadata>(); // carried with each version of the team catalogue
        services.AddSingleton<TableCatalog>();
        services.AddSingleton<TableLoader>();
        // Other groups (generate_pipeline's file) load files through the same checked loaders.
        services.AddForwarded<ITableFileLoader, TableLoader>();
        services.AddSingleton<SqlGuard>();
        services.AddSingleton<QueryRunner>();
        services.AddSingleton<Profiler>();
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<Suggester>();
        services.AddSingleton<SuggestionStore>();
        services.AddSingleton<PostgresSuggestionStore>();
        services.AddChosen<ITransformSuggestionStore, PostgresSuggestionStore, SuggestionStore>(o => o.Team.Enabled); // team mode: ids usable through any server
        services.AddSingleton<TransformApplier>();
        services.AddSingleton<EdaReportGenerator>();
        // Reports of large tables run on team mode's workers (queue 'reports'), rebuilt from their parameters.
        services.AddSingleton<EdaReportJob>();
        services.AddForwarded<IDistributedJobHandler, EdaReportJob>();
        services.AddSingleton(new DistributedJobKind(EdaReportJob.Kind, EdaReportJob.Queue, typeof(EdaReportJob)));
        services.AddSingleton<DataExporter>();
        services.AddSingleton<SourceRegistry>();
        services.AddSingleton<SourceLoader>();
        services.AddSingleton<SourceCatalog>();
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
        mcp.WithTools<LoadTool>()
            .WithTools<ListTablesTool>()
            .WithTools<DescribeTableTool>()
            .WithTools<QueryTool>()
            .WithTools<AnalyzeDataframeTool>()
            .WithTools<SuggestTransformationsTool>()
            .WithTools<ApplyTransformationTool>()
            .WithTools<GenerateEdaReportTool>()
            .WithTools<ExportTool>()
            .WithTools<LoadSourceTool>()
            .WithTools<ListSourcesTool>()
            .WithResources<DataResources>()
            .WithPrompts<ExploreDatasetPrompt>()
            .WithAppView(TableProfileView.View);
        mcp.Services.AddSingleton<ICompletionSource, DataCompletions>();
        mcp.Services.AddOptions<McpServerOptions>().PostConfigure<McpFlowOptions>(QueryAnnotations.Apply);
    }
}
