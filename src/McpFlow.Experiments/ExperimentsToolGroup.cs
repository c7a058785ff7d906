using McpFlow.Core.Configuration;
using McpFlow.Core.Files;
using McpFlow.Core.Groups;
using McpFlow.Core.Mcp.Apps;
using McpFlow.Core.Mcp.Completions;
using McpFlow.Core.Tracking;
using McpFlow.Core.Tuning;
using McpFlow.Core.Workspace;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Optimization;
using McpFlow.Experiments.Prompts;
using McpFlow.Experiments.Registry;
using McpFlow.Experiments.Resources;
using McpFlow.Experiments.Suggestions;
using McpFlow.Experiments.Tools;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Views;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Experiments;

/// <summary>Registers the experiments group's services and MCP tools.</summary>
public sealed class ExperimentsToolGroup : IToolGroup
{
    /// <inheritdoc />
    public string Name => "experiments";

    /// <inheritdoc />
    public string Description => "Experiment optimizer: MLflow tracking (REST, file store, SQLite), run analysis, Bayesian hyperparameter suggestions, leaderboard.";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services)
    {
        services.AddSingletonFrom<McpFlowOptions, McpFlowWorkspace, FileAccessGuard, TimeProvider, ITrackingStore>(
            (options, workspace, guard, time) => TrackingStoreFactory.Create(options, workspace, guard, time));
        services.AddForwarded<ITrackingReader, ITrackingStore>();
        services.AddForwarded<ITrackingWriter, ITrackingStore>();
        services.AddSingleton<FileSuggestionStore>();
        services.AddSingleton<PostgresSuggestionRecords>();
        services.AddChosen<ISuggestionStore, PostgresSuggestionRecords, FileSuggestionStore>(o => o.Team.Enabled); // team mode: records shared by every server
        services.AddSingleton<RunLoader>();
        services.AddSingleton<RunAnalyzer>();
        services.AddSingleton<LeaderboardService>();
        services.AddSingleton<HyperparameterSuggester>();
        services.AddSingleton<IHyperparameterOptimizer, BayesianTuningOptimizer>();
        services.AddSingleton<ModelRegistryService>();
        services.AddForwarded<IModelResolver, ModelRegistryService>();
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
        mcp.WithTools<ListExperimentsTool>()
            .WithTools<SearchRunsTool>()
            .WithTools<GetRunTool>()
            .WithTools<LogRunTool>()
            .WithTools<AnalyzeRunsTool>()
            .WithTools<ExplainRunDifferenceTool>()
            .WithTools<LeaderboardTool>()
            .WithTools<SuggestHyperparamsTool>()
            .WithTools<RegisterModelTool>()
            .WithTools<ModelsTool>()
            .WithTools<SetModelAliasTool>()
            .WithResources<ExperimentResources>()
            .WithPrompts<PlateauPrompt>()
            .WithAppView(ExperimentExplorerView.View);
        mcp.Services.AddSingleton<ICompletionSource, ExperimentCompletions>();
    }
}
