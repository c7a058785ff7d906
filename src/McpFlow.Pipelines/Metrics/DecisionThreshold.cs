namespace McpFlow.Pipelines.Metrics;

/// <summary>
/// Chooses the decision threshold of a binary classifier that maximises the Matthews correlation coefficient on
/// scored rows (predict class 1 when the score is at or above the threshold). Every distinct score is a candidate;
/// the returned threshold lies halfway between the best candidate and the next lower distinct score, so an unseen
/// score between the two goes to the nearer side. MCC weighs all four cells of the confusion matrix, so unlike
/// accuracy it cannot be maximised by predicting the majority class (Chicco and Jurman 2020).
/// </summary>
public static class DecisionThreshold
{
    /// <summary>The best threshold and its MCC, or null when no threshold gives a positive MCC (no usable signal).</summary>
    public static (double Threshold, double Mcc)? Best(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        var n = positive.Count;
        var positives = positive.Count(p => p);
        if (positives == 0 || positives == n)
            return null;
        var order = Enumerable.Range(0, n).OrderByDescending(i => score[i]).ToArray();
        double tp = 0, fp = 0, bestMcc = 0;
        var bestIndex = -1;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j < n && score[order[j]] == score[order[i]])
            {
                if (positive[order[j]])
                    tp++;
                else
                    fp++;
                j++;
            }

            var mcc = Mcc(tp, fp, positives - tp, n - positives - fp);
            if (mcc > bestMcc)
            {
                bestMcc = mcc;
                bestIndex = j - 1; // the last row of the tie group: scores[order[bestIndex]] is the candidate
            }

            i = j;
        }

        if (bestIndex < 0)
            return null;
        var candidate = score[order[bestIndex]];
        var threshold = bestIndex + 1 < n ? (candidate + score[order[bestIndex + 1]]) / 2 : candidate;
        return (threshold, bestMcc);
    }

    /// <summary>MCC of a 2×2 confusion matrix; 0 when a margin is empty (scikit-learn's convention).</summary>
    public static double Mcc(double tp, double fp, double fn, double tn)
    {
        var denominator = Math.Sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return denominator == 0 ? 0 : ((tp * tn) - (fp * fn)) / denominator;
    }
}
