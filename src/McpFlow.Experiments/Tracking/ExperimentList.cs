namespace McpFlow.Experiments.Tracking;

/// <summary>The structured result of <c>mlflow_list_experiments</c> (its declared output schema).</summary>
/// <param name="Store">Where the tracking store is (folder, database file or server URL).</param>
/// <param name="Kind">Kind of store, e.g. <c>file</c>.</param>
/// <param name="Experiments">One page of experiments.</param>
/// <param name="NextPageToken">Token for the next page; absent on the last page.</param>
public sealed record ExperimentList(string Store, string Kind, IReadOnlyList<MlflowExperiment> Experiments, string? NextPageToken);
