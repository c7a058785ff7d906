namespace McpFlow.Experiments.Tracking;

/// <summary>A run search, as MLflow's <c>runs/search</c> takes it.</summary>
/// <param name="ExperimentIds">Experiments to search.</param>
/// <param name="Filter">MLflow filter string, e.g. <c>metrics.accuracy &gt; 0.9 and params.lr = '0.01'</c>.</param>
/// <param name="OrderBy">Order clauses, e.g. <c>metrics.accuracy DESC</c>.</param>
/// <param name="MaxResults">Page size (MLflow allows up to 50,000; default 1,000).</param>
/// <param name="PageToken">Token from a previous page.</param>
public sealed record RunSearchRequest(
    IReadOnlyList<string> ExperimentIds,
    string? Filter = null,
    IReadOnlyList<string>? OrderBy = null,
    int MaxResults = RunSearchRequest.DefaultMaxResults,
    string? PageToken = null)
{
    /// <summary>MLflow's default <c>max_results</c> for <c>search_runs</c>.</summary>
    public const int DefaultMaxResults = 1000;

    /// <summary>MLflow's upper limit for <c>max_results</c> (SEARCH_MAX_RESULTS_THRESHOLD).</summary>
    public const int MaxAllowedResults = 50_000;
}
