namespace McpFlow.Pipelines.Series;

/// <summary>
/// Changes in mean by PELT (Killick, Fearnhead and Eckley 2012, "Optimal detection of changepoints with a linear
/// computational cost"): the exact minimiser of Σ segment costs + β × (number of changes), with the
/// <see cref="NormalMeanCost"/> and σ estimated robustly from first differences (1.4826 MAD(Δx) / √2, which a
/// change in mean barely moves). Pruning with K = 0 is exact because splitting a segment never raises its cost.
/// Series longer than <see cref="ExactLimit"/> use binary segmentation with the same cost and penalty.
/// Changes in variance are not modelled.
/// </summary>
public static class ChangePointDetector
{
    /// <summary>Shortest segment in rows (the R changepoint package's minseglen is 1; 5 keeps a short burst that
    /// survived cleaning from becoming a segment of its own).</summary>
    public const int MinSegment = 5;

    /// <summary>Penalty per change: β = 3 log n, the log n term of MBIC (Zhang and Siegmund 2007), the default of R's
    /// changepoint package. On Gaussian noise of 500 values a single spurious change beats it in 0.2% of series, 2 log n
    /// (BIC) in 2.1% (tools/bench/pipelines/series_false_positives.py, output in out/series_false_positives.txt).</summary>
    public static double Penalty(int n) => 3 * Math.Log(n);

    /// <summary>Longest series segmented exactly by PELT. With few changes its pruning keeps most candidates and the
    /// work grows as n² (about 1 s at 5000 values here); longer series use binary segmentation (Scott and Knott 1974)
    /// with the same cost and penalty, O(n log n) but greedy.</summary>
    public const int ExactLimit = 5000;

    /// <summary>Robust noise σ from first differences; 0 when the series is constant.</summary>
    public static double NoiseSigma(IReadOnlyList<double> values)
    {
        var differences = Enumerable.Range(1, Math.Max(0, values.Count - 1)).Select(i => values[i] - values[i - 1]).ToList();
        return differences.Count == 0 ? 0 : Robust.Sigma(differences, Robust.Median(differences)) / Math.Sqrt(2);
    }

    /// <summary>The changes in mean of <paramref name="values"/> (finite), in order, with the σ used
    /// (<paramref name="sigma"/>, or <see cref="NoiseSigma"/> of the values when null).</summary>
    public static (IReadOnlyList<ChangePoint> Changes, double Sigma) Detect(IReadOnlyList<double> values, double? sigma = null, double? penalty = null)
    {
        var n = values.Count;
        sigma ??= NoiseSigma(values);
        if (n < 2 * MinSegment || !(sigma > 0))
            return ([], sigma.Value);
        // Centering by the median keeps the prefix sums of squares small (no cancellation for large levels).
        var center = Robust.Median(values);
        var cost = new NormalMeanCost(values.Select(v => v - center).ToList(), sigma.Value);
        var beta = penalty ?? Penalty(n);
        var changes = n <= ExactLimit ? Pelt(cost, n, beta) : BinarySegmentation(cost, n, beta);
        int[] bounds = [0, .. changes, n];
        var result = new List<ChangePoint>();
        for (var k = 1; k < bounds.Length - 1; k++)
        {
            var before = cost.Mean(bounds[k - 1], bounds[k]) + center;
            var after = cost.Mean(bounds[k], bounds[k + 1]) + center;
            result.Add(new ChangePoint(bounds[k], before, after, (after - before) / sigma.Value));
        }

        return (result, sigma.Value);
    }

    /// <summary>PELT: change positions minimising Σ costs + β per change, exactly.</summary>
    internal static List<int> Pelt(NormalMeanCost cost, int n, double beta)
    {
        var f = new double[n + 1];
        var last = new int[n + 1];
        f[0] = -beta;
        var candidates = new List<int>();
        for (var t = MinSegment; t <= n; t++)
        {
            // A segment end τ becomes a candidate once a segment of MinSegment rows can follow it.
            var newest = t - MinSegment;
            if (newest == 0 || newest >= MinSegment)
                candidates.Add(newest);
            var best = double.PositiveInfinity;
            var argBest = 0;
            foreach (var tau in candidates)
            {
                var value = f[tau] + cost.Cost(tau, t) + beta;
                if (value < best)
                {
                    best = value;
                    argBest = tau;
                }
            }

            f[t] = best;
            last[t] = argBest;
            // PELT pruning: τ can never be optimal again once F(τ) + C(τ, t) exceeds F(t).
            candidates.RemoveAll(tau => f[tau] + cost.Cost(tau, t) > best);
        }

        var changes = new List<int>();
        for (var t = n; last[t] > 0; t = last[t])
            changes.Add(last[t]);
        changes.Reverse();
        return changes;
    }

    /// <summary>Binary segmentation: split a segment at its best single change while the cost drop exceeds β.</summary>
    internal static List<int> BinarySegmentation(NormalMeanCost cost, int n, double beta)
    {
        var changes = new List<int>();
        var pending = new Stack<(int Start, int End)>();
        pending.Push((0, n));
        while (pending.Count > 0)
        {
            var (start, end) = pending.Pop();
            var whole = cost.Cost(start, end);
            var bestGain = double.NegativeInfinity;
            var at = -1;
            for (var tau = start + MinSegment; tau <= end - MinSegment; tau++)
            {
                var gain = whole - cost.Cost(start, tau) - cost.Cost(tau, end);
                if (gain > bestGain)
                {
                    bestGain = gain;
                    at = tau;
                }
            }

            if (at < 0 || bestGain <= beta)
                continue;
            changes.Add(at);
            pending.Push((start, at));
            pending.Push((at, end));
        }

        changes.Sort();
        return changes;
    }
}
