using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp;
using McpFlow.Core.Storage;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Tuning;

/// <summary>
/// pipeline_tune as a job: in the process that started it, or rebuilt on a worker (team mode, queue
/// <see cref="ModelComparisonJob.Queue"/>) from its parameters (<c>tune_id</c>, <c>rounds</c>, <c>max_seconds</c>, the
/// table's catalogue version) through the tool's own checks (<see cref="HyperparameterTuner.CheckBudget"/>,
/// <see cref="HyperparameterTuner.Resume"/>: the tuning's saved spec, trainer, space and seed). A tuning saves each
/// round, so a worker taking over the job of one that died continues after the last saved round.
/// </summary>
public sealed class TuningJob(HyperparameterTuner tuner, DuckDbGateway gateway) : IDistributedJobHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = HyperparameterTuner.Tool;

    /// <summary>The parameters a tuning is enqueued with.</summary>
    public JsonNode Parameters(TuneState state, double? maxSeconds)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new JsonObject
        {
            ["tune_id"] = state.TuneId, ["trainer"] = state.Trainer, ["rounds"] = state.Rounds, ["max_seconds"] = maxSeconds,
            [JobInputTables.VersionParameter] = JobInputTables.Version(gateway, PipelineSpec.FromJson(state.SpecJson).Table),
        };
    }

    /// <inheritdoc />
    public Task<JobResult> RunAsync(JsonNode parameters, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        var tuneId = parameters["tune_id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : throw McpFlowException.Invalid("The tuning job has no tune_id.");
        var rounds = parameters["rounds"]?.Deserialize<int?>(McpFlowJson.Options);
        var maxSeconds = parameters["max_seconds"]?.Deserialize<double?>(McpFlowJson.Options);
        HyperparameterTuner.CheckBudget(maxSeconds);
        var state = tuner.Resume(tuneId, rounds);
        if (state.Done.Count > 0 && context.Attempt > 1)
            context.Note($"Attempt {context.Attempt}: continued tuning {state.TuneId} after its {state.Done.Count} saved round(s).");
        JobInputTables.EnsureLocal(gateway, PipelineSpec.FromJson(state.SpecJson).Table, parameters, context);
        return RunAsync(state, maxSeconds, context);
    }

    /// <summary>Runs the tuning's remaining rounds; the result's text is the rounds table.</summary>
    public async Task<JobResult> RunAsync(TuneState state, double? maxSeconds, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await tuner.RunAsync(state, maxSeconds, (f, m, metrics) => context.Report(f, m, metrics), context.CancellationToken);
        return new JobResult(TuneText.Markdown(result), JsonSerializer.SerializeToNode(result, McpFlowJson.Options), result.Chart is { } c ? [c] : null)
        {
            NextSteps = TuneText.NextSteps(result),
        };
    }
}
