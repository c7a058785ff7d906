using McpFlow.Core.Groups;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Evaluation;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Prompts;
using McpFlow.Pipelines.Series;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tools;
using McpFlow.Pipelines.Tracking;
using McpFlow.Pipelines.Training;
using McpFlow.Pipelines.Tuning;
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
        services.AddSingleton<TableInspector>();
        services.AddSingleton<TableImporter>();
        services.AddSingleton<PipelineGenerator>();
        services.AddSingleton<FeatureLoader>();
        services.AddSingleton<PipelineStore>();
        services.AddSingleton<RunLogger>();
        services.AddSingleton<ModelComparer>();
        services.AddSingleton<StepEvaluator>();
        services.AddSingleton<PipelineTrainer>();
        services.AddSingleton<PipelinePredictor>();
        services.AddSingleton<SeriesEventFinder>();
        services.AddSingleton<Ensembles.EnsembleEvaluator>();
        services.AddSingleton(MlNetEngineProbe.Create());
        services.AddSingleton<TuneStore>();
        services.AddSingleton<HyperparameterTuner>();
        // Comparisons and tunings run on team mode's workers (queue 'pipelines'), rebuilt from their parameters.
        services.AddSingleton<ModelComparisonJob>();
        services.AddForwarded<IDistributedJobHandler, ModelComparisonJob>();
        services.AddSingleton(new DistributedJobKind(ModelComparisonJob.Kind, ModelComparisonJob.Queue, typeof(ModelComparisonJob)));
        services.AddSingleton<TuningJob>();
        services.AddForwarded<IDistributedJobHandler, TuningJob>();
        services.AddSingleton(new DistributedJobKind(TuningJob.Kind, ModelComparisonJob.Queue, typeof(TuningJob)));
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
        mcp.WithTools<GeneratePipelineTool>();
        mcp.WithTools<CompareModelsTool>();
        mcp.WithTools<EvaluatePipelineStepsTool>();
        mcp.WithTools<TrainPipelineTool>();
        mcp.WithTools<PredictPipelineTool>();
        mcp.WithTools<DetectSeriesEventsTool>();
        mcp.WithTools<TunePipelineTool>();
        mcp.WithTools<EnsembleTool>();
        mcp.WithPrompts<PipelinePrompts>();
    }
}
