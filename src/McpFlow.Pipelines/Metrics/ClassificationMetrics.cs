namespace McpFlow.Pipelines.Metrics;

/// <summary>
/// Classification metrics from labels, predictions and scores. For two classes, precision, recall and F1 are
/// those of class 1 (the positive class); for more, they are macro averages. Balanced accuracy is the mean recall
/// of the classes. AUC is the Mann-Whitney rank statistic (ties count one half) and average precision (PR-AUC) is
/// scikit-learn's step-wise area <c>Σ (R_n - R_(n-1)) P_n</c> over the distinct scores; for more than two classes
/// both are macro one-vs-rest averages. MCC for more than two classes is Gorodkin's R_K, which equals the binary
/// MCC for two classes. All match scikit-learn 1.2 (tools/bench/pipelines/classification_metrics_fixture.py).
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Computes accuracy, balanced_accuracy, auc, average_precision, recall, precision, f1, kappa and mcc.</summary>
    /// <param name="actual">True class indices 0..classes-1.</param>
    /// <param name="predicted">Predicted class indices.</param>
    /// <param name="scores">Per row, a score per class (higher means more likely); null skips AUC.</param>
    /// <param name="classes">Number of classes.</param>
    public static IReadOnlyDictionary<string, double> Compute(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IReadOnlyList<double[]>? scores, int classes)
    {
        var n = actual.Count;
        var confusion = Confusion(actual, predicted, classes);
        var correct = Enumerable.Range(0, classes).Sum(k => confusion[k, k]);
        var accuracy = (double)correct / n;
        double precision, recall, f1;
        if (classes == 2)
            (precision, recall, f1) = PrecisionRecallF1(confusion, 1);
        else
        {
            var per = Enumerable.Range(0, classes).Select(k => PrecisionRecallF1(confusion, k)).ToList();
            (precision, recall, f1) = (per.Average(p => p.Precision), per.Average(p => p.Recall), per.Average(p => p.F1));
        }

        var auc = double.NaN;
        var averagePrecision = double.NaN;
        if (scores is not null)
        {
            auc = ByClass(Auc);
            averagePrecision = ByClass(AveragePrecision);
        }

        var present = Enumerable.Range(0, classes).Where(k => Enumerable.Range(0, classes).Any(j => confusion[k, j] > 0)).ToList();
        var balanced = present.Count == 0 ? double.NaN : present.Average(k => PrecisionRecallF1(confusion, k).Recall);
        return new Dictionary<string, double>
        {
            ["accuracy"] = accuracy, ["balanced_accuracy"] = balanced, ["auc"] = auc, ["average_precision"] = averagePrecision,
            ["recall"] = recall, ["precision"] = precision, ["f1"] = f1, ["kappa"] = Kappa(confusion, n), ["mcc"] = Mcc(confusion, n),
        };

        // Binary: the positive class's score; more classes: the macro one-vs-rest average over classes that can be scored.
        double ByClass(Func<IReadOnlyList<bool>, IReadOnlyList<double>, double> metric) => classes == 2
            ? metric(actual.Select(a => a == 1).ToList(), scores!.Select(s => s[1]).ToList())
            : Enumerable.Range(0, classes).Select(k => metric(actual.Select(a => a == k).ToList(), scores!.Select(s => s[k]).ToList()))
                .Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average();
    }

    /// <summary>
    /// Average precision (area under the precision-recall curve as scikit-learn computes it): rows ranked by score,
    /// highest first, one threshold per distinct score; <c>Σ (R_n - R_(n-1)) P_n</c>. NaN without positives.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        var positives = positive.Count(p => p);
        if (positives == 0)
            return double.NaN;
        var order = Enumerable.Range(0, score.Count).OrderByDescending(i => score[i]).ToArray();
        double tp = 0, fp = 0, previousRecall = 0, area = 0;
        for (var i = 0; i < order.Length;)
        {
            // Tied scores form one threshold.
            var j = i;
            while (j < order.Length && score[order[j]] == score[order[i]])
            {
                if (positive[order[j]])
                    tp++;
                else
                    fp++;
                j++;
            }

            var recall = tp / positives;
            area += (recall - previousRecall) * (tp / (tp + fp));
            previousRecall = recall;
            i = j;
        }

        return area;
    }

    /// <summary>Confusion counts, rows actual, columns predicted.</summary>
    public static long[,] Confusion(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classes)
    {
        var m = new long[classes, classes];
        for (var i = 0; i < actual.Count; i++)
            m[actual[i], predicted[i]]++;
        return m;
    }

    /// <summary>Area under the ROC curve by the rank-sum statistic; NaN when one class is absent.</summary>
    public static double Auc(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        var order = Enumerable.Range(0, score.Count).OrderBy(i => score[i]).ToArray();
        var ranks = new double[score.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && score[order[j + 1]] == score[order[i]])
                j++;
            var averageRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
                ranks[order[k]] = averageRank;
            i = j + 1;
        }

        double positives = positive.Count(p => p), negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
            return double.NaN;
        var rankSum = Enumerable.Range(0, ranks.Length).Where(i => positive[i]).Sum(i => ranks[i]);
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    private static (double Precision, double Recall, double F1) PrecisionRecallF1(long[,] m, int k)
    {
        var classes = m.GetLength(0);
        double tp = m[k, k], predicted = 0, actual = 0;
        for (var j = 0; j < classes; j++)
        {
            predicted += m[j, k];
            actual += m[k, j];
        }

        var precision = predicted == 0 ? 0 : tp / predicted;
        var recall = actual == 0 ? 0 : tp / actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    private static double Kappa(long[,] m, int n)
    {
        var classes = m.GetLength(0);
        double observed = 0, expected = 0;
        for (var k = 0; k < classes; k++)
        {
            observed += m[k, k];
            double row = 0, col = 0;
            for (var j = 0; j < classes; j++)
            {
                row += m[k, j];
                col += m[j, k];
            }

            expected += row * col;
        }

        var po = observed / n;
        var pe = expected / ((double)n * n);
        return pe == 1 ? 0 : (po - pe) / (1 - pe);
    }

    private static double Mcc(long[,] m, int n)
    {
        var classes = m.GetLength(0);
        double c = 0, s = n, pk = 0, tk = 0, cov = 0;
        for (var k = 0; k < classes; k++)
        {
            c += m[k, k];
            double p = 0, t = 0;
            for (var j = 0; j < classes; j++)
            {
                p += m[j, k];
                t += m[k, j];
            }

            cov += p * t;
            pk += p * p;
            tk += t * t;
        }

        var denominator = Math.Sqrt((s * s) - pk) * Math.Sqrt((s * s) - tk);
        return denominator == 0 ? 0 : ((c * s) - cov) / denominator;
    }
}
