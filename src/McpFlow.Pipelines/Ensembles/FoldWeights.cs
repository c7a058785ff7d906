namespace McpFlow.Pipelines.Ensembles;

/// <summary>
/// Weights of a score-weighted blend for one test fold, from each model's primary metric on the OTHER folds only (those
/// folds' test rows are this fold's training rows, so the held-out fold never informs its own weights). A metric to
/// maximise weighs max(score, 0); one to minimise weighs 1 / score. Normalised to sum 1; equal when all are 0.
/// </summary>
public static class FoldWeights
{
    /// <summary>Weights for test fold <paramref name="fold"/> from <paramref name="perFold"/>[model][fold] scores.</summary>
    public static double[] For(IReadOnlyList<IReadOnlyList<double>> perFold, int fold, bool maximize)
    {
        var raw = perFold.Select(scores =>
        {
            var others = scores.Where((v, g) => g != fold && double.IsFinite(v)).ToList();
            if (others.Count == 0)
                return 0;
            var s = others.Average();
            return maximize ? Math.Max(s, 0) : s > 0 ? 1 / s : 0;
        }).ToArray();
        var sum = raw.Sum();
        return sum > 0 && double.IsFinite(sum) ? raw.Select(w => w / sum).ToArray() : raw.Select(_ => 1.0 / raw.Length).ToArray();
    }
}
