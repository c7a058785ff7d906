using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Analysis;

/// <summary>
/// Explains why two runs differ: the params that differ, the final metric gaps, how the target metric's gap
/// develops along the curves (at 25/50/75/100% of the common steps), and which difference most plausibly
/// explains the outcome: the only differing param; otherwise the differing param most important across the
/// experiment (Spearman); otherwise the one changed by the largest factor; plus a longer training run.
/// </summary>
public static class RunDifferenceExplainer
{
    private static readonly double[] Checkpoints = [0.25, 0.5, 0.75, 1.0];

    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/> on <paramref name="metric"/>.</summary>
    public static RunDifference Explain(MlflowRun a, MlflowRun b, string metric, bool maximize,
        IReadOnlyList<MlflowMetric> historyA, IReadOnlyList<MlflowMetric> historyB, IReadOnlyDictionary<string, double> importance)
    {
        if (!a.Metrics.ContainsKey(metric) && !b.Metrics.ContainsKey(metric))
            throw McpFlowException.Invalid($"Neither run logged metric '{metric}'.",
                "Metrics of the runs: " + string.Join(", ", a.Metrics.Keys.Union(b.Metrics.Keys).Order()) + ".");
        var paramDiffs = a.Params.Keys.Union(b.Params.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.Params.GetValueOrDefault(k) != b.Params.GetValueOrDefault(k))
            .Select(k => new ParamDiff(k, a.Params.GetValueOrDefault(k), b.Params.GetValueOrDefault(k), Ratio(a.Params.GetValueOrDefault(k), b.Params.GetValueOrDefault(k)), importance.TryGetValue(k, out var i) ? i : null))
            .ToList();
        var metricDiffs = a.Metrics.Keys.Union(b.Metrics.Keys).Order(StringComparer.Ordinal)
            .Select(k => (k, va: a.Metric(k), vb: b.Metric(k)))
            .Select(t => new MetricDiff(t.k, t.va, t.vb, t.va is { } x && t.vb is { } y ? y - x : null)).ToList();
        var fa = a.Metric(metric);
        var fb = b.Metric(metric);
        string? better = fa is { } x1 && fb is { } y1 && x1 != y1 ? ((y1 > x1) == maximize ? b.DisplayName : a.DisplayName) : null;
        var curve = Curve(historyA, historyB);
        var explanation = Explain(a, b, metric, maximize, fa, fb, better, paramDiffs, curve, historyA, historyB);
        return new RunDifference(a.DisplayName, b.DisplayName, metric, maximize, fa, fb, better, paramDiffs, metricDiffs, curve, explanation, []);
    }

    private static List<CurvePoint> Curve(IReadOnlyList<MlflowMetric> ha, IReadOnlyList<MlflowMetric> hb)
    {
        var byStepB = hb.GroupBy(m => m.Step).ToDictionary(g => g.Key, g => g.Last().Value);
        var common = ha.GroupBy(m => m.Step).Select(g => (Step: g.Key, A: g.Last().Value)).Where(p => byStepB.ContainsKey(p.Step)).OrderBy(p => p.Step).ToList();
        if (common.Count == 0)
            return [];
        return Checkpoints.Select(share =>
        {
            var p = common[Math.Clamp((int)Math.Ceiling(share * common.Count) - 1, 0, common.Count - 1)];
            var vb = byStepB[p.Step];
            return new CurvePoint(share.ToString("P0", CultureInfo.InvariantCulture), p.Step, p.A, vb, vb - p.A);
        }).ToList();
    }

    private static string Explain(MlflowRun a, MlflowRun b, string metric, bool maximize, double? fa, double? fb, string? better,
        List<ParamDiff> diffs, List<CurvePoint> curve, IReadOnlyList<MlflowMetric> ha, IReadOnlyList<MlflowMetric> hb)
    {
        var parts = new List<string>();
        if (fa is null || fb is null)
            parts.Add($"Only {(fa is null ? b.DisplayName : a.DisplayName)} logged {metric}.");
        else if (better is null)
            parts.Add($"Both runs reach the same {metric} ({fa:G4}).");
        else
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{better} is better on {metric}: {fa:G4} vs {fb:G4} (Δ = {fb - fa:+0.####;-0.####}, {(maximize ? "higher" : "lower")} is better)."));
        if (curve.Count > 0)
        {
            var early = curve[0];
            var late = curve[^1];
            var sameSign = Math.Sign(early.Gap) == Math.Sign(late.Gap);
            parts.Add(sameSign
                ? string.Create(CultureInfo.InvariantCulture, $"The gap is there from early on ({early.Gap:+0.####;-0.####} at step {early.Step}, {late.Gap:+0.####;-0.####} at step {late.Step}), so it comes from how the runs learn, not from when they stopped.")
                : string.Create(CultureInfo.InvariantCulture, $"The curves cross: the gap goes from {early.Gap:+0.####;-0.####} at step {early.Step} to {late.Gap:+0.####;-0.####} at step {late.Step}."));
        }

        if (diffs.Count == 0)
            parts.Add("No param differs: the difference is noise (seed, data order) or something not logged as a param.");
        else if (diffs.Count == 1)
            parts.Add($"Only {Describe(diffs[0])} differs, so it is the most plausible cause.");
        else
        {
            var ranked = diffs.OrderByDescending(d => d.Importance ?? -1).ThenByDescending(d => d.Ratio is { } r ? Math.Abs(Math.Log(r)) : 0).ToList();
            var top = ranked[0];
            parts.Add(top.Importance is { } imp
                ? string.Create(CultureInfo.InvariantCulture, $"{diffs.Count} params differ; the most plausible cause is {Describe(top)}: across the experiment it is the param most related to {metric} (|ρ| = {imp:F2}).")
                : $"{diffs.Count} params differ; the most plausible cause is {Describe(top)}, the largest relative change (no experiment-wide importance is available with so few runs).");
        }

        var lastA = ha.Count == 0 ? 0 : ha[^1].Step;
        var lastB = hb.Count == 0 ? 0 : hb[^1].Step;
        if (lastA > 0 && lastB > 0 && Math.Max(lastA, lastB) > 1.5 * Math.Min(lastA, lastB))
            parts.Add($"{(lastA > lastB ? a.DisplayName : b.DisplayName)} also trained longer ({Math.Max(lastA, lastB)} vs {Math.Min(lastA, lastB)} steps).");
        return string.Join(" ", parts);
    }

    private static string Describe(ParamDiff d) =>
        d.Ratio is { } r ? string.Create(CultureInfo.InvariantCulture, $"{d.Name} ({d.A} → {d.B}, ×{r:G3})") : $"{d.Name} ({d.A ?? "unset"} → {d.B ?? "unset"})";

    private static double? Ratio(string? a, string? b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x > 0 && y > 0
            ? y / x : null;
}
