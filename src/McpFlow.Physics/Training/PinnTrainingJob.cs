using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Training;

/// <summary>
/// pinn_train's job rebuilt from data on a worker (team mode): the parameters <see cref="PinnTrainingService.Start"/>
/// enqueued (<c>run_id</c>, <c>spec</c>, <c>options</c>) are compiled and checked again, then the run is trained in the
/// shared workspace's run folder exactly as in-process. A worker taking over the job of one that died (attempt 2 or
/// more) resumes from the run's newest valid checkpoint (<see cref="CheckpointResume"/>), or starts again at step 0 when
/// there is none; the job's record says which (<see cref="JobRecord.Note"/>).
/// </summary>
public sealed class PinnTrainingJob(PinnTrainingService training, PinnRunStore store) : IDistributedJobHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = "pinn_training";

    /// <summary>The worker queue: physics workers (e.g. the GPU machine, <c>--device cuda</c>) serve it.</summary>
    public const string Queue = "physics";

    /// <inheritdoc />
    public Task<JobResult> RunAsync(JsonNode parameters, JobContext context)
    {
        var spec = parameters["spec"]?.Deserialize<PdeSpecDocument>(McpFlowJson.Options)
                   ?? throw McpFlowException.Invalid("The training job has no spec.");
        var options = parameters["options"]?.Deserialize<TrainingOptions>(McpFlowJson.Options)
                      ?? throw McpFlowException.Invalid("The training job has no settings.");
        TrainingLimits.Validate(options);
        var problem = PdeSpecCompiler.Compile(spec);
        var runId = parameters["run_id"]?.GetValue<string>();
        var resume = context.Attempt > 1 ? FindResume(runId, options, context) : null;
        var run = store.Adopt(runId, problem, options, resume?.NextStep ?? 0);
        return training.TrainAsync(run, context, resume);
    }

    private CheckpointManifest? FindResume(string? runId, TrainingOptions options, JobContext context)
    {
        var folder = store.FolderOf(runId);
        var planned = (long)options.AdamSteps + options.LbfgsSteps;
        var (latest, skipped) = Directory.Exists(folder) ? CheckpointResume.Find(folder, planned) : (null, []);
        var skippedText = skipped.Count == 0 ? "" : $" Skipped: {string.Join("; ", skipped)}.";
        if (latest is null)
        {
            context.Note($"Attempt {context.Attempt}: no valid checkpoint from the earlier attempt; started again at step 0.{skippedText}");
            return null;
        }

        var restored = latest.Optimiser is null ? "parameters, loss weights and collocation points" : "parameters, Adam state, loss weights and collocation points";
        context.Note($"Attempt {context.Attempt}: resumed from {Path.GetFileNameWithoutExtension(latest.Model.Name)} at step {latest.NextStep} of {planned} ({restored} restored).{skippedText}");
        return latest;
    }
}
