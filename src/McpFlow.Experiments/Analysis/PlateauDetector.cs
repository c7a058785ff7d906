namespace McpFlow.Experiments.Analysis;

/// <summary>
/// Finds where a metric curve stops improving: the first step after which the best value so far improves by
/// less than a tolerance until the end. The tolerance is relative to the curve's total improvement (default 1%),
/// so it works for accuracies and losses alike.
/// </summary>
public static class PlateauDetector
{
    /// <summary>Default relative tolerance: improvements below 1% of the curve's total improvement count as flat.</summary>
    public const double DefaultRelativeTolerance = 0.01;

    /// <summary>A curve is called plateaued when it was flat for at least this share of its steps (20%).</summary>
    public const double MinFlatShare = 0.2;

    /// <summary>Detects the plateau of a curve given as (step, value) sorted by step.</summary>
    public static PlateauResult Detect(IReadOnlyList<(long Step, double Value)> curve, bool maximize, double relativeTolerance = DefaultRelativeTolerance)
    {
        var points = curve.Where(p => double.IsFinite(p.Value)).ToList();
        if (points.Count < 3)
            return new PlateauResult(false, null, null, 0, points.Count == 0 ? double.NaN : points[^1].Value);
        var sign = maximize ? 1.0 : -1.0;
        var best = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
            best[i] = Math.Max(i == 0 ? double.NegativeInfinity : best[i - 1], sign * points[i].Value);
        var total = best[^1] - (sign * points[0].Value);
        var tolerance = Math.Max(Math.Abs(total) * relativeTolerance, 1e-12);
        var plateauIndex = points.Count - 1;
        for (var i = 0; i < points.Count; i++)
        {
            if (best[^1] - best[i] < tolerance)
            {
                plateauIndex = i;
                break;
            }
        }

        var first = points[0].Step;
        var last = points[^1].Step;
        var flatShare = last == first ? 0 : (double)(last - points[plateauIndex].Step) / (last - first);
        return new PlateauResult(flatShare >= MinFlatShare, points[plateauIndex].Step, sign * best[plateauIndex], flatShare, sign * best[^1]);
    }
}

/// <summary>Where a curve plateaus.</summary>
/// <param name="Plateaued">True when the curve was flat for at least 20% of its steps.</param>
/// <param name="PlateauStep">The step after which improvement stayed below the tolerance.</param>
/// <param name="ValueAtPlateau">Best value reached at that step.</param>
/// <param name="FlatShare">Share of the steps spent on the plateau (0-1).</param>
/// <param name="FinalBest">Best value of the whole curve.</param>
public sealed record PlateauResult(bool Plateaued, long? PlateauStep, double? ValueAtPlateau, double FlatShare, double FinalBest);
