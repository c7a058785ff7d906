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
        [Description("Overrides of analyze_pde_problem's plan, e.g. {\"adam_steps\": 500, \"depth\": 4}.")] JsonElement? settings = null,
        [Description("Seconds to wait, e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null)
    {
        var problem = SpecArgument.Compile(spec);
        var options = TrainingSettings.Apply(PdeAnalyzer.Analyze(problem).Plan, settings);
        var (_, job) = training.Start(problem, options);
        return await calls.AwaitAsync(job, progress, wait_seconds, cancellationToken);
    }
}
