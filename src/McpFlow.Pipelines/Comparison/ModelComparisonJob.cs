using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Mcp;
using McpFlow.Core.Storage;
using McpFlow.Pipelines.Ensembles;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Storage;

namespace McpFlow.Pipelines.Comparison;

/// <summary>
/// pipeline_compare_models as a job: in the process that started it, or rebuilt on a worker (team mode, queue
/// <see cref="Queue"/>) from its parameters (<c>spec</c>, <c>trainers</c>, <c>experiment</c>, the table's catalogue
/// version), which pass the tool's own checks again (<see cref="PipelineStore.Resolve"/>, <see cref="ModelFactory.EnsureKnown"/>)
/// before the worker makes the spec's table local (<see cref="JobInputTables"/>).
/// </summary>
public sealed class ModelComparisonJob(ModelComparer comparer, PipelineStore store, DuckDbGateway gateway) : IDistributedJobHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = ModelComparer.Tool;

    /// <summary>The worker queue of model comparisons and tunings.</summary>
    public const string Queue = "pipelines";

    /// <summary>Longest experiment name taken from a job's parameters (MLflow's own limit is far above).</summary>
    private const int MaxExperimentLength = 250;

    /// <summary>The parameters a comparison is enqueued with: <see cref="ComparisonSource.Parameters"/> and the table's
    /// catalogue version.</summary>
    public JsonNode Parameters(PipelineSpec spec, IReadOnlyList<string>? trainers, string experiment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parameters = ComparisonSource.Parameters(spec, trainers, experiment);
        parameters[JobInputTables.VersionParameter] = JobInputTables.Version(gateway, spec.Table);
        return parameters;
    }

    /// <inheritdoc />
    public Task<JobResult> RunAsync(JsonNode parameters, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var spec = store.Resolve(parameters["spec"] is JsonObject s ? s.ToJsonString() : throw McpFlowException.Invalid("The comparison job has no spec."));
        var trainers = parameters["trainers"]?.Deserialize<string[]>(McpFlowJson.Options) ?? [];
        foreach (var t in trainers)
            ModelFactory.EnsureKnown(spec, t, "trainers");
        var experiment = parameters["experiment"] is JsonValue e && e.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name) && name.Length <= MaxExperimentLength
            ? name
            : throw McpFlowException.Invalid("The comparison job has no valid experiment name.");
        JobInputTables.EnsureLocal(gateway, spec.Table, parameters, context);
        return RunAsync(spec, trainers, experiment, context);
    }

    /// <summary>Cross-validates and ranks; the result's text is the leaderboard.</summary>
    public async Task<JobResult> RunAsync(PipelineSpec spec, IReadOnlyList<string>? trainers, string experiment, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await comparer.CompareAsync(spec, trainers, experiment, (f, m) => context.Report(f, m), context.CancellationToken);
        return new JobResult(LeaderboardText.Markdown(result, spec.Metrics), JsonSerializer.SerializeToNode(result, McpFlowJson.Options))
        {
            NextSteps = LeaderboardText.NextSteps(result, context.JobId),
        };
    }
}
