namespace McpFlow.Pipelines.Training;

/// <summary>Metadata saved next to a trained model (<c>model.json</c>).</summary>
/// <param name="Trainer">Trainer name.</param>
/// <param name="ModelFile">Model file name in the folder (ML.NET zip or baseline JSON).</param>
/// <param name="Hyperparameters">Hyperparameters used.</param>
/// <param name="RunId">Tracking run id.</param>
/// <param name="Metrics">Cross-validated metrics.</param>
/// <param name="Threshold">Decision threshold on the class-1 score tuned on the cross-validated scores (imbalanced binary tasks); null: the trainer's own rule.</param>
public sealed record SavedModelInfo(string Trainer, string ModelFile, IReadOnlyDictionary<string, string> Hyperparameters, string? RunId, IReadOnlyDictionary<string, double> Metrics,
    double? Threshold = null);
