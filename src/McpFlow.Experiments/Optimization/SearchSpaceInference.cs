using System.Globalization;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Optimization;

/// <summary>
/// Infers a search space from the params of past runs: numbers become int or float ranges, a few distinct strings
/// become a categorical choice, and constant numeric params are widened around their value so they can be explored
/// (learning-rate-like ×0.1-×10 on a log scale, integers ×0.25-×4 on a log scale, other values in (0, 1) ×0.5-×2
/// capped at 1); positive integer and rate-like params tried with fewer than 5 distinct values are widened the same
/// way. Scale rule for an observed range: log only when it spans at least a factor of <see cref="LogSpanRatio"/> (a
/// decade) and either the name is rate-like (learning rate, alpha, lambda, decay) or the runs themselves were spread
/// evenly in log (the median of log values sits in the lower <see cref="LogMedianPosition"/> of the log range); a
/// fraction swept uniformly over [0.05, 1] stays linear. When the best run (by the metric) sits at an end of an
/// observed range, the range extends past it by half its width (×√(max/min) on a log scale), never past 1 for a
/// fraction (a param that is not rate-like, tried within [0, 1]) nor below 0 (or 1 for a positive integer). Seeds and params with many distinct strings are left out.
/// Every decision is stated.
/// </summary>
public static class SearchSpaceInference
{
    /// <summary>Values spanning at least this ratio (a decade) may be searched on a log scale.</summary>
    public const double LogSpanRatio = 10;

    /// <summary>
    /// Position of the median log value within [log min, log max] at or below which the runs count as spread in log:
    /// halfway between a log-uniform sweep (0.5) and a uniform sweep over exactly one decade, the lowest a linear sweep
    /// reaches (median 0.55 of [0.1, 1]: log 5.5 / log 10 = 0.74).
    /// </summary>
    public const double LogMedianPosition = 0.62;

    /// <summary>At most this many distinct strings make a categorical param.</summary>
    public const int MaxCategories = 12;

    /// <summary>Positive int or rate-like params with fewer distinct values than this are widened beyond the observed range.</summary>
    public const int MinDistinctForObservedRange = 5;

    /// <summary>A param must appear in at least this share of the runs to be searched.</summary>
    public const double MinCoverage = 0.5;

    /// <summary>
    /// Infers the space; <paramref name="notes"/> says what was left out and why. <paramref name="score"/> (higher is
    /// better) finds the best run, whose position decides whether a range extends past what was tried; null: it never does.
    /// </summary>
    public static SearchSpace Infer(IReadOnlyList<MlflowRun> runs, out List<string> notes, Func<MlflowRun, double>? score = null)
    {
        var best = score is null || runs.Count == 0 ? null : runs.MaxBy(score);
        notes = [];
        var specs = new List<ParameterSpec>();
        foreach (var key in runs.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var values = runs.Where(r => r.Params.ContainsKey(key)).Select(r => r.Params[key]).ToList();
            var lower = key.ToLowerInvariant();
            if (values.Count < MinCoverage * runs.Count)
                notes.Add($"{key}: left out, set in only {values.Count} of {runs.Count} runs.");
            else if (lower.Contains("seed", StringComparison.Ordinal) || lower.Contains("random_state", StringComparison.Ordinal))
                notes.Add($"{key}: left out, a random seed is not a hyperparameter to tune.");
            else if (values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)))
                specs.Add(Numeric(key, values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList(),
                    best?.Params.TryGetValue(key, out var b) == true ? double.Parse(b, CultureInfo.InvariantCulture) : null));
            else if (values.Distinct().Count() is var n && n <= MaxCategories && n > 1)
                specs.Add(new ParameterSpec(key, ParameterKind.Categorical, 0, 0, false, values.Distinct().Order(StringComparer.Ordinal).ToList(), "observed values"));
            else if (values.All(v => v is "true" or "false" or "True" or "False"))
                specs.Add(new ParameterSpec(key, ParameterKind.Categorical, 0, 0, false, values[0].StartsWith('T') ? ["False", "True"] : ["false", "true"], "boolean, both values"));
            else
                notes.Add(values.Distinct().Count() == 1
                    ? $"{key}: left out, a constant non-numeric value ('{values[0]}') gives no alternatives to try."
                    : $"{key}: left out, {values.Distinct().Count()} distinct non-numeric values is too many for a categorical search.");
        }

        return new SearchSpace(specs);
    }

    private static ParameterSpec Numeric(string key, List<double> values, double? bestValue)
    {
        var isInt = values.All(v => v == Math.Round(v) && Math.Abs(v) < 1e12);
        var kind = isInt ? ParameterKind.Int : ParameterKind.Float;
        var min = values.Min();
        var max = values.Max();
        var lower = key.ToLowerInvariant();
        var rateLike = lower.Contains("lr", StringComparison.Ordinal) || lower.Contains("learning", StringComparison.Ordinal) || lower.Contains("eta", StringComparison.Ordinal)
                       || lower.Contains("decay", StringComparison.Ordinal) || lower.Contains("alpha", StringComparison.Ordinal) || lower.Contains("lambda", StringComparison.Ordinal);
        var distinct = values.Distinct().Count();
        if (min < max && distinct < MinDistinctForObservedRange && min > 0 && (isInt || rateLike || min >= 1))
        {
            // A handful of positive values (e.g. a few suggested runs) does not yet bound the search: widen on a log scale.
            var (factor, what) = isInt ? (4.0, "×0.25 below and ×4 above") : (10.0, "×0.1 below and ×10 above");
            var low = isInt ? Math.Max(1, Math.Round(min / factor)) : min / factor;
            return new ParameterSpec(key, kind, low, isInt ? Math.Round(max * factor) : max * factor, true, [],
                string.Create(CultureInfo.InvariantCulture, $"only {distinct} values tried ({min:G4}-{max:G4}), widened {what}, log scale"));
        }

        if (min < max)
        {
            var span = min > 0 ? max / min : 0;
            var position = span > 1 ? (Median(values.Select(v => Math.Log(v))) - Math.Log(min)) / Math.Log(span) : 1;
            var log = span >= LogSpanRatio && (rateLike || position <= LogMedianPosition);
            var described = "observed range" + (log
                ? string.Create(CultureInfo.InvariantCulture, $", spans ×{span:G3} {(rateLike ? "and is rate-like" : "and was tried evenly in log")} so log scale")
                : span >= LogSpanRatio ? string.Create(CultureInfo.InvariantCulture, $", spans ×{span:G3} but was tried evenly in linear, so linear") : "");
            var (low, high) = (min, max);
            if (bestValue == max || bestValue == min)
            {
                var up = bestValue == max;
                var fraction = !rateLike && min >= 0 && max <= 1; // subsample, max_features: a share cannot pass 1
                var reach = log ? Math.Sqrt(span) : 0;
                if (up)
                    high = Math.Min(log ? max * reach : max + ((max - min) / 2), fraction ? 1 : double.MaxValue);
                else
                    low = Math.Max(log ? min / reach : min - ((max - min) / 2), isInt && min >= 1 ? 1 : min >= 0 ? 0 : double.MinValue);
                if (isInt)
                    (low, high) = (Math.Floor(low), Math.Ceiling(high));
                if (low < min || high > max)
                    described += string.Create(CultureInfo.InvariantCulture,
                        $"; the best run is at the {(up ? "top" : "bottom")} of what was tried, so extended to {(up ? high : low):G4}");
            }

            return new ParameterSpec(key, kind, low, high, log, [], described);
        }

        var v = min;
        string origin = string.Create(CultureInfo.InvariantCulture, $"constant {v:G4} in every run, widened");
        return (isInt, v) switch
        {
            (true, >= 2) => new ParameterSpec(key, kind, Math.Max(1, Math.Round(v / 4)), Math.Round(v * 4), true, [], origin + " ×0.25-×4, log scale"),
            (true, _) => new ParameterSpec(key, kind, Math.Min(v, 0), Math.Max(v, 0) + 10, false, [], origin + " to a range of 10"),
            (false, > 0) when rateLike || v >= 1 => new ParameterSpec(key, kind, v / 10, v * 10, true, [], origin + " ×0.1-×10, log scale"),
            (false, > 0) => new ParameterSpec(key, kind, v / 2, Math.Min(1, v * 2), false, [], origin + " ×0.5-×2 (capped at 1)"),
            (false, 0) => new ParameterSpec(key, kind, 0, 1, false, [], origin + " to [0, 1]"),
            _ => new ParameterSpec(key, kind, v * 2, v / 2, false, [], origin + " ×2-×0.5"),
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
