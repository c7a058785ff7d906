namespace McpFlow.Pipelines.Ensembles;

/// <summary>The outcome of pipeline_ensemble.</summary>
/// <param name="Comparison">The comparison's job id.</param>
/// <param name="Task">Task name.</param>
/// <param name="PrimaryMetric">Metric compared.</param>
/// <param name="Maximize">True when larger is better.</param>
/// <param name="Folds">Folds (the comparison's).</param>
/// <param name="Rows">Rows cross-validated.</param>
/// <param name="Members">The blended models, best first (the comparison's top k).</param>
/// <param name="BestSingle">The best member by the recomputed cross-validation.</param>
/// <param name="Results">Members then ensembles.</param>
/// <param name="Best">The best ensemble when one beats the best single model, else null.</param>
/// <param name="Weights">The score-weighted blend's weights per fold (members' order).</param>
/// <param name="StackCoefficients">The meta-learner's intercept and slopes per fold, or empty when the task has no stacking.</param>
/// <param name="Notes">Caveats (e.g. the data changed since the comparison, no stacking for the task).</param>
/// <param name="Seconds">Wall time.</param>
public sealed record EnsembleResult(string Comparison, string Task, string PrimaryMetric, bool Maximize, int Folds, int Rows,
    IReadOnlyList<string> Members, string BestSingle, IReadOnlyList<EnsembleRow> Results, string? Best,
    IReadOnlyList<IReadOnlyList<double>> Weights, IReadOnlyList<IReadOnlyList<double>> StackCoefficients, IReadOnlyList<string> Notes, double Seconds)
{
    /// <summary>The chart's file, when drawn.</summary>
    public string? Chart { get; init; }
}
