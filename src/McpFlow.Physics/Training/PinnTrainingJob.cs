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
/// shared workspace's run folder exactly as in-process.
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
        var run = store.Adopt(parameters["run_id"]?.GetValue<string>(), PdeSpecCompiler.Compile(spec), options);
        return training.TrainAsync(run, context);
    }
}
