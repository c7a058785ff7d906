using McpFlow.Core.Groups;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp.Apps;
using McpFlow.Core.Mcp.Completions;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Prompts;
using McpFlow.Physics.Resources;
using McpFlow.Physics.Tools;
using McpFlow.Physics.Training;
using McpFlow.Physics.Views;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Physics;

/// <summary>Registers the physics group's services and MCP tools.</summary>
public sealed class PhysicsToolGroup : IToolGroup
{
    /// <inheritdoc />
    public string Name => "physics";

    /// <inheritdoc />
    public string Description => "Physics solver co-pilot: PDE specifications, TorchSharp PINN training, convergence prediction, validation.";

    /// <inheritdoc />
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<TorchRuntime>();
        services.AddSingleton<PinnRunStore>();
        services.AddSingleton<PinnTrainer>();
        services.AddSingleton<PinnModelLoader>();
        services.AddSingleton<PinnTrainingService>();
        // pinn_train's jobs can run on any worker in team mode (docs/deployment.md).
        services.AddSingleton<IDistributedJobHandler, PinnTrainingJob>();
        services.AddSingleton(new DistributedJobKind(PinnTrainingJob.Kind, PinnTrainingJob.Queue, typeof(PinnTrainingJob)));
        services.AddSingletonFrom<TorchRuntime, IEngineProbe>(torch => new EngineProbe("TorchSharp", torch.ToEngineStatus));
    }

    /// <inheritdoc />
    public void AddMcp(IMcpServerBuilder mcp)
    {
        mcp.WithTools<AnalyzePdeProblemTool>()
            .WithTools<PinnTrainTool>()
            .WithTools<PinnStatusTool>()
            .WithTools<PinnEvaluateTool>()
            .WithTools<PinnRunsTool>()
            .WithTools<PredictConvergenceTool>()
            .WithTools<ValidateSolutionTool>()
            .WithResources<PhysicsRunResources>()
            .WithPrompts<SolvePdePrompt>()
            .WithAppView(TrainingMonitorView.View);
        mcp.Services.AddSingleton<ICompletionSource, PhysicsCompletions>();
    }
}
