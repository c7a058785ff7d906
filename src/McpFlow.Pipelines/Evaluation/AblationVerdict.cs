using MathNet.Numerics.Distributions;

namespace McpFlow.Pipelines.Evaluation;

/// <summary>
/// Judges what removing a step does against the spread over folds, not against a fixed share of the metric: the gain
/// is the mean over folds of (with the step − without it), signed so positive is better, and it is called helps or hurts
/// only when it lies outside a 95% Student-t interval around zero, i.e. |gain| &gt; t(0.975, k−1) · SE. With the same
/// number of folds the two runs are paired fold by fold (same rows, same split), so SE = sd(per-fold gains) / √k;
/// otherwise SE = √(sd²₁/k₁ + sd²₂/k₂) (Welch, with the smaller k − 1 degrees of freedom). A consistent 0.3% gain on
/// every fold is therefore "helps" and a 3% mean gain that flips sign between folds is "neutral".
/// </summary>
public static class AblationVerdict
{
    /// <summary>Two-sided confidence of the interval (95%, the usual paired t-test level).</summary>
    public const double Confidence = 0.95;

    /// <summary>Verdict when the step's effect is larger than the fold noise and positive.</summary>
    public const string Helps = "helps";

    /// <summary>Verdict when the step's effect is larger than the fold noise and negative.</summary>
    public const string Hurts = "hurts";

    /// <summary>Verdict when the effect is within the fold noise.</summary>
    public const string Neutral = "neutral";

    /// <summary>Verdict with one fold: there is no spread to judge against.</summary>
    public const string Undetermined = "undetermined (one fold)";

    /// <summary>Judges the gain of a step from the primary metric per fold with and without it.</summary>
    public static AblationJudgement Judge(IReadOnlyList<double> with, IReadOnlyList<double> without, bool maximize)
    {
        var a = with.Where(double.IsFinite).ToList();
        var b = without.Where(double.IsFinite).ToList();
        if (a.Count == 0 || b.Count == 0)
            return new AblationJudgement(double.NaN, double.NaN, double.NaN, Undetermined);
        var sign = maximize ? 1 : -1;
        var gain = sign * (a.Average() - b.Average());
        double standardError;
        int freedom;
        if (with.Count == without.Count && a.Count == with.Count && b.Count == without.Count)
        {
            var gains = a.Zip(b, (x, y) => sign * (x - y)).ToList();
            standardError = Sd(gains) / Math.Sqrt(gains.Count);
            freedom = gains.Count - 1;
        }
        else
        {
            standardError = Math.Sqrt(Sd(a) * Sd(a) / a.Count + Sd(b) * Sd(b) / b.Count);
            freedom = Math.Min(a.Count, b.Count) - 1;
        }

        if (freedom < 1)
            return new AblationJudgement(gain, double.NaN, double.NaN, Undetermined);
        var margin = StudentT.InvCDF(0, 1, freedom, 0.5 + Confidence / 2) * standardError;
        var verdict = Math.Abs(gain) <= margin ? Neutral : gain > 0 ? Helps : Hurts;
        return new AblationJudgement(gain, standardError, margin, verdict);
    }

    private static double Sd(List<double> values)
    {
        if (values.Count < 2)
            return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
