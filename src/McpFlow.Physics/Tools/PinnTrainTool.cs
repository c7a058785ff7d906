using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Training;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Tools;

/// <summary><c>pinn_train</c>.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class PinnTrainTool(PinnTrainingService training, JobCalls calls)
{
    /// <summary>Starts a PINN training job.</summary>
    [McpServerTool(Name = "pinn_train", Title = "Train a physics-informed neural network", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Trains a PINN (TorchSharp) for a PDE spec as a background job: Adam then L-BFGS, hard Dirichlet conditions when every face " +
                 "shares one expression, soft penalties otherwise, adaptive loss weights, residual-based resampling, checkpoints and the final " +
                 "model in a run folder of the workspace, metrics logged to the tracking store; a finished training is recorded as a workbench " +
                 "run (its id in the result) for review and approval. Settings default to analyze_pde_problem's plan; " +
                 "any given one overrides it. Progress notifications carry the loss. Returns the result if training ends within wait_seconds, " +
                 "otherwise the job id (follow with pinn_status or job_status; stop with job_cancel). The model saved and its reported final loss " +
                 "are those of the best measured parameters; a cancelled run keeps its best model as a checkpoint. A plan whose estimated memory " +
                 "would not fit in the memory available is refused before it starts, saying what would fit.")]
    public async Task<CallToolResult> Train(
        [Description(SpecArgument.Description)] JsonElement spec,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken,
        [Description("Hidden layers, 1-12. Default: the plan's (3 for steady linear problems); e.g. 4.")] int? depth = null,
        [Description("Neurons per hidden layer, 2-512. Default: the plan's (32-64); e.g. 50.")] int? width = null,
        [Description("Activation: tanh, sin or gelu. Default tanh; e.g. \"sin\".")] string? activation = null,
        [Description("Build Dirichlet conditions into the network when possible. Default true; e.g. false.")] bool? hard_boundary = null,
        [Description("Interior collocation points, 10-200000. Default: the plan's (2000 in 2D); e.g. 4000.")] int? interior_points = null,
        [Description("Points per boundary face for soft conditions. Default 200; e.g. 400.")] int? boundary_points = null,
        [Description("Points on the initial slice (time-dependent). Default 400; e.g. 800.")] int? initial_points = null,
        [Description("Adam steps (epochs over the collocation set). Default: the plan's (2000-5000); e.g. 500.")] int? adam_steps = null,
        [Description("Adam learning rate, halved at 50% and 80% of the Adam phase. Default 1e-3; e.g. 0.005.")] double? learning_rate = null,
        [Description("L-BFGS iterations after Adam, 0 for none. Default: the plan's (300-1000); e.g. 0.")] int? lbfgs_steps = null,
        [Description("float32 or float64. Default float32; e.g. \"float64\".")] string? dtype = null,
        [Description("Re-balance loss weights from gradient norms. Default true; e.g. false.")] bool? adaptive_weights = null,
        [Description("Residual-based resampling every N Adam steps, 0 = off. Default: the plan's (250-500); e.g. 0.")] int? resample_every = null,
        [Description("Stop when the total loss reaches this. Default: none; e.g. 1e-4.")] double? target_loss = null,
        [Description("Wall-clock limit in seconds, 0 = none. Default 0; e.g. 60.")] double? max_seconds = null,
        [Description("Log metrics every N steps. Default 10; e.g. 50.")] int? log_every = null,
        [Description("Random seed. Default 1234; e.g. 7.")] int? seed = null,
        [Description("Seconds to wait for the result before returning the job id, 0-45. Default: the server's job wait; e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null)
    {
        var problem = SpecArgument.Compile(spec);
        var plan = PdeAnalyzer.Analyze(problem).Plan;
        var options = plan with
        {
            Depth = depth ?? plan.Depth,
            Width = width ?? plan.Width,
            Activation = activation ?? plan.Activation,
            HardBoundary = hard_boundary ?? plan.HardBoundary,
            InteriorPoints = interior_points ?? plan.InteriorPoints,
            BoundaryPoints = boundary_points ?? plan.BoundaryPoints,
            InitialPoints = initial_points ?? plan.InitialPoints,
            AdamSteps = adam_steps ?? plan.AdamSteps,
            LearningRate = learning_rate ?? plan.LearningRate,
            LbfgsSteps = lbfgs_steps ?? plan.LbfgsSteps,
            Dtype = dtype ?? plan.Dtype,
            AdaptiveWeights = adaptive_weights ?? plan.AdaptiveWeights,
            ResampleEvery = resample_every ?? plan.ResampleEvery,
            TargetLoss = target_loss ?? plan.TargetLoss,
            MaxSeconds = max_seconds ?? plan.MaxSeconds,
            LogEvery = log_every ?? plan.LogEvery,
            Seed = seed ?? plan.Seed,
        };
        var (_, job) = training.Start(problem, options);
        return await calls.AwaitAsync(job, progress, wait_seconds, cancellationToken);
    }
}
