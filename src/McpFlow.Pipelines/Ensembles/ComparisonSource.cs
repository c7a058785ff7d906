using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Ensembles;

/// <summary>A finished pipeline_compare_models job: its spec (kept in the job's parameters) and its leaderboard.</summary>
/// <param name="JobId">The comparison's job id.</param>
/// <param name="Spec">The spec the comparison cross-validated.</param>
/// <param name="Result">Its leaderboard.</param>
public sealed record ComparisonSource(string JobId, PipelineSpec Spec, ComparisonResult Result)
{
    /// <summary>Job kind of a comparison.</summary>
    public const string Kind = ModelComparer.Tool;

    /// <summary>The job parameters a comparison is started with (the spec, so an ensemble can rebuild the same folds).</summary>
    public static JsonNode Parameters(PipelineSpec spec, IReadOnlyList<string>? trainers, string experiment) => new JsonObject
    {
        ["spec"] = JsonNode.Parse(spec.ToJson()),
        ["trainers"] = JsonSerializer.SerializeToNode(trainers ?? [], McpFlowJson.Options),
        ["experiment"] = experiment,
    };

    /// <summary>Loads comparison <paramref name="jobId"/>, or throws an actionable error naming <paramref name="parameter"/>.</summary>
    public static ComparisonSource Load(JobManager jobs, string jobId, string parameter)
    {
        WorkspaceIds.Require(IdKind.Job, jobId, parameter);
        var record = jobs.Get(jobId);
        if (record.Kind != Kind)
            throw McpFlowException.Invalid($"{parameter}: job {jobId} is a {record.Kind} job, not a model comparison.",
                "Pass the job id returned by pipeline_compare_models.");
        if (record.State != JobState.Succeeded)
            throw McpFlowException.Invalid($"{parameter}: comparison {jobId} is {record.State.ToString().ToLowerInvariant()}, not finished.",
                record.State.IsFinal() ? "Run pipeline_compare_models again." : "Wait for it with job_status, then call pipeline_ensemble.");
        var specNode = record.Parameters?["spec"]
            ?? throw McpFlowException.Invalid($"{parameter}: comparison {jobId} predates ensembles and did not keep its spec.",
                "Run pipeline_compare_models again and pass the new job id.");
        var data = jobs.GetResult(jobId)?.Data
            ?? throw McpFlowException.NotFound($"{parameter}: the result of comparison {jobId} is missing.", "Run pipeline_compare_models again.");
        var result = data.Deserialize<ComparisonResult>(McpFlowJson.Options)
            ?? throw McpFlowException.Invalid($"{parameter}: the result of comparison {jobId} cannot be read.", "Run pipeline_compare_models again.");
        return new ComparisonSource(jobId, PipelineSpec.FromJson(specNode.ToJsonString()), result);
    }

    /// <summary>The <paramref name="k"/> best non-baseline models, best first; throws when fewer exist.</summary>
    public IReadOnlyList<string> Top(int k, string parameter)
    {
        var models = Result.Leaderboard.Where(r => !r.IsBaseline && double.IsFinite(r.Metrics.GetValueOrDefault(Result.PrimaryMetric, double.NaN)))
            .OrderBy(r => r.Rank).Select(r => r.Trainer).ToList();
        if (k < 2 || k > models.Count)
            throw McpFlowException.Invalid($"{parameter} must be 2-{models.Count} for comparison {JobId} ({models.Count} scored models besides baselines); got {k}.",
                models.Count < 2 ? "Compare at least two trainers (pipeline_compare_models with trainers=[...])." : $"Pass e.g. {parameter}={Math.Min(3, models.Count)}.");
        return models.Take(k).ToList();
    }
}
