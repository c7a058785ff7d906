namespace McpFlow.Pipelines.Ensembles;

/// <summary>One model or ensemble, cross-validated on the comparison's folds.</summary>
/// <param name="Name">Trainer name, or <c>blend_mean</c>, <c>blend_weighted</c>, <c>stack</c>.</param>
/// <param name="IsEnsemble">True for the three ensembles.</param>
/// <param name="Folds">The primary metric on each fold.</param>
/// <param name="Mean">Its mean over the folds.</param>
/// <param name="Std">Its sample standard deviation over the folds.</param>
/// <param name="Metrics">Every metric's mean over the folds.</param>
/// <param name="BeatsBest">Ensembles: true when the mean is better than the best single model's.</param>
/// <param name="FoldsBetter">Ensembles: folds on which it is better than the best single model.</param>
public sealed record EnsembleRow(string Name, bool IsEnsemble, IReadOnlyList<double> Folds, double Mean, double Std,
    IReadOnlyDictionary<string, double> Metrics, bool? BeatsBest, int? FoldsBetter);
