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
    [McpServerTool(Name = "pinn_train", Title = "Train a PINN", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Trains a PINN for a PDE spec and records a run; may return a job id (job_status).")]
    public async Task<CallToolResult> Train(
        [Description(SpecArgument.Description)] JsonElement spec,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken,
        [Description("Hidden layers, 1-12; e.g. 4.")] int? depth = null,
        [Description("Layer width, 2-512; e.g. 50.")] int? width = null,
        [Description("Activation, e.g. \"sin\".")] string? activation = null,
        [Description("Exact Dirichlet, e.g. false.")] bool? hard_boundary = null,
        [Description("Interior points, 10-200000; e.g. 4000.")] int? interior_points = null,
        [Description("Points per face, e.g. 400.")] int? boundary_points = null,
        [Description("Initial points, e.g. 800.")] int? initial_points = null,
        [Description("Adam steps, e.g. 500.")] int? adam_steps = null,
        [Description("Learning rate, e.g. 0.005.")] double? learning_rate = null,
        [Description("L-BFGS steps, e.g. 0.")] int? lbfgs_steps = null,
        [Description("Precision, e.g. \"float64\".")] string? dtype = null,
        [Description("Adaptive weights, e.g. false.")] bool? adaptive_weights = null,
        [Description("Resampling period, e.g. 0.")] int? resample_every = null,
        [Description("Stop loss, e.g. 1e-4.")] double? target_loss = null,
        [Description("Time limit, e.g. 60.")] double? max_seconds = null,
        [Description("Log period, e.g. 50.")] int? log_every = null,
        [Description("Seed, e.g. 7.")] int? seed = null,
        [Description("Seconds to wait, e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null)
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
