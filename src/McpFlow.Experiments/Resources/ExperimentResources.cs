using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Tracking;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Resources;

/// <summary>MCP resources for experiments, runs and leaderboards of the tracking store.</summary>
[McpServerResourceType]
public sealed class ExperimentResources(ITrackingStore store, RunLoader loader, LeaderboardService leaderboards)
{
    /// <summary>Page size of the runs resource.</summary>
    public const int RunsPerResource = 200;

    /// <summary>All experiments.</summary>
    [McpServerResource(UriTemplate = "mlflow://experiments", Name = "mlflow_experiments", Title = "MLflow experiments", MimeType = "application/json")]
    [Description("The experiments of the tracking store (ids, names, tags).")]
    public async Task<string> Experiments(CancellationToken cancellationToken)
    {
        var page = await store.SearchExperimentsAsync(null, 1000, null, cancellationToken);
        return JsonSerializer.Serialize(new { store = store.Location, experiments = page.Items }, McpFlowJson.Indented);
    }

    /// <summary>Runs of one experiment.</summary>
    [McpServerResource(UriTemplate = "mlflow://experiments/{experiment}/runs", Name = "mlflow_experiment_runs", Title = "Runs of an MLflow experiment", MimeType = "application/json")]
    [Description("The newest 200 runs of an experiment (by name or id) with params, latest metrics and tags.")]
    public async Task<string> Runs([Description("Experiment name or id, e.g. \"1\".")] string experiment, CancellationToken cancellationToken)
    {
        var exp = await loader.ResolveExperimentAsync(experiment, cancellationToken);
        var page = await store.SearchRunsAsync(new RunSearchRequest([exp.ExperimentId], MaxResults: RunsPerResource), cancellationToken);
        return JsonSerializer.Serialize(new { experiment = exp, runs = page.Items, nextPageToken = page.NextPageToken }, McpFlowJson.Indented);
    }

    /// <summary>One run.</summary>
    [McpServerResource(UriTemplate = "mlflow://runs/{run_id}", Name = "mlflow_run", Title = "An MLflow run", MimeType = "application/json")]
    [Description("One run: info, params, latest metrics and tags.")]
    public async Task<string> Run([Description("Run id.")] string run_id, CancellationToken cancellationToken) =>
        JsonSerializer.Serialize(await store.GetRunAsync(TrackingKeys.RequireRunId(run_id), cancellationToken), McpFlowJson.Indented);

    /// <summary>A leaderboard.</summary>
    [McpServerResource(UriTemplate = "mlflow://leaderboard/{experiment}/{metric}", Name = "mlflow_leaderboard", Title = "Leaderboard of an experiment", MimeType = "text/markdown")]
    [Description("Runs ranked by a metric (direction inferred from its name), best highlighted, suggested runs marked with their explanation.")]
    public async Task<string> Leaderboard([Description("Experiment name or id.")] string experiment, [Description("Metric, e.g. val_accuracy.")] string metric, CancellationToken cancellationToken) =>
        LeaderboardService.Format(await leaderboards.BuildAsync(experiment, metric, "auto", 50, cancellationToken));
}
