namespace McpFlow.Pipelines.Specs;

/// <summary>How rows are split for cross-validation.</summary>
/// <param name="Kind">stratified_kfold, kfold or expanding_window.</param>
/// <param name="Folds">Number of folds.</param>
/// <param name="TestSize">Rows per test block (expanding_window only).</param>
/// <param name="Seed">Shuffle seed (k-fold kinds).</param>
public sealed record SplitPlan(string Kind, int Folds, int? TestSize, int Seed)
{
    /// <summary>Stratified k-fold for classification.</summary>
    public const string Stratified = "stratified_kfold";

    /// <summary>Shuffled k-fold.</summary>
    public const string KFold = "kfold";

    /// <summary>Expanding-window temporal folds.</summary>
    public const string ExpandingWindow = "expanding_window";
}
