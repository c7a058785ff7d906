namespace McpFlow.Pipelines.Comparison;

/// <summary>Metrics of one model over the folds: mean, standard deviation and each fold's values.</summary>
/// <param name="Trainer">Trainer name.</param>
/// <param name="Mean">Mean per metric over the folds.</param>
/// <param name="Std">Sample standard deviation per metric over the folds (0 for one fold).</param>
/// <param name="PerFold">Each fold's metrics.</param>
/// <param name="TrainingSeconds">Total training time over the folds.</param>
public sealed record FoldScores(
    string Trainer,
    IReadOnlyDictionary<string, double> Mean,
    IReadOnlyDictionary<string, double> Std,
    IReadOnlyList<IReadOnlyDictionary<string, double>> PerFold,
    double TrainingSeconds)
{
    /// <summary>Aggregates fold metrics.</summary>
    public static FoldScores From(string trainer, IReadOnlyList<IReadOnlyDictionary<string, double>> folds, double seconds)
    {
        var keys = folds.SelectMany(f => f.Keys).Distinct().ToList();
        var mean = new Dictionary<string, double>();
        var std = new Dictionary<string, double>();
        foreach (var k in keys)
        {
            var values = folds.Select(f => f.GetValueOrDefault(k, double.NaN)).Where(v => !double.IsNaN(v)).ToList();
            mean[k] = values.Count == 0 ? double.NaN : values.Average();
            std[k] = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean[k]) * (v - mean[k])) / (values.Count - 1));
        }

        mean["training_seconds"] = seconds;
        return new FoldScores(trainer, mean, std, folds, seconds);
    }
}
