using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>
/// Tier 5 suggestions (<see cref="SuggestionTiers.Modelling"/>), for numeric columns that are not keys, flags or
/// columns suggested for dropping: one fix of skew or outliers per column — the power transform with the least
/// |skewness| after it (log1p when within <see cref="Log1pPreference"/> of the best: simpler, no λ), winsorising and
/// outlier removal behind it as alternatives; for unskewed columns with outliers, a flag first (it keeps every value).
/// Then encoding of categorical text by cardinality, and scaling when column scales differ.
/// </summary>
internal static class ModellingSuggestions
{
    /// <summary>log1p is preferred to a better Yeo-Johnson when its |skew| after is within this of the best (a difference
    /// smaller than the standard error of the skewness of a few hundred values, √(6/n) ≈ 0.1–0.25).</summary>
    public const double Log1pPreference = 0.25;

    public static IEnumerable<RankedSuggestion> Shape(DuckDBConnection connection, string table, ColumnProfile c)
    {
        if (c.Numeric is not { } num || c.SemanticType != "numeric" || c.IsBinary || num.Min is not { } min)
            yield break;
        var skew = num.Skewness ?? 0;
        var outliers = OutlierFixes(connection, table, c, skew);
        if (Math.Abs(skew) >= AlertThresholds.Skewness)
        {
            var m = SkewMeasurement.Measure(connection, table, c.Name, min);
            var strength = Math.Abs(skew) >= AlertThresholds.StrongSkewness ? "strongly" : "moderately";
            var why = $"{c.Name} is {strength} {(skew > 0 ? "right" : "left")}-skewed (skew {F(skew)})";
            var power = new List<Suggestion>();
            if (m.Log1p is { } lg)
                power.Add(RankedSuggestion.Make("log1p", "power_transform", $"log1p({c.Name})", $"{why}; log(1 + x) compresses the long tail and keeps zeros.",
                    new() { ["skew_before"] = skew, ["skew_after"] = lg }, new TransformSpec("log1p", c.Name)));
            if (m.YeoJohnson is { } yj)
                power.Add(RankedSuggestion.Make("yeo_johnson", "power_transform", $"Yeo-Johnson({c.Name}, λ = {yj.Lambda.ToString("G3", CultureInfo.InvariantCulture)})",
                    $"{why}; Yeo-Johnson handles zeros and negatives, λ chosen to minimise |skew| on a grid from −2 to 2.",
                    new() { ["skew_before"] = skew, ["skew_after"] = yj.Skew, ["lambda"] = yj.Lambda }, new TransformSpec("yeo_johnson", c.Name, null, new Dictionary<string, double> { ["lambda"] = yj.Lambda })));
            var ordered = power.OrderBy(p => Math.Abs(p.Effect["skew_after"])).ToList();
            if (ordered.Count == 2 && ordered[1].Spec.Operation == "log1p" && Math.Abs(ordered[1].Effect["skew_after"]) - Math.Abs(ordered[0].Effect["skew_after"]) <= Log1pPreference)
                ordered.Reverse();
            if (m.Winsorised is { } w)
                ordered.Add(RankedSuggestion.Make("clip", "outliers", $"Winsorise {c.Name} at its 1st/99th percentiles ({G(m.P1)} – {G(m.P99)})",
                    $"{why}; capping the extreme 2% keeps every row but limits their pull.",
                    new() { ["skew_before"] = skew, ["skew_after"] = w, ["lower"] = m.P1, ["upper"] = m.P99 },
                    new TransformSpec("clip", c.Name, null, new Dictionary<string, double> { ["lower"] = m.P1, ["upper"] = m.P99 })));
            ordered.AddRange(outliers.Where(o => o.Spec.Operation == "remove_outliers"));
            if (ordered.Count > 0)
                yield return new RankedSuggestion(SuggestionTiers.Modelling, 2 + Math.Abs(skew), ordered[0] with { Alternatives = ordered.Skip(1).ToList() });
        }
        else if (outliers.Count > 0 && (double)num.OutliersIqr / c.Count >= AlertThresholds.Outliers)
        {
            yield return new RankedSuggestion(SuggestionTiers.Modelling, 1 + ((double)num.OutliersIqr / c.Count), outliers[0] with { Alternatives = outliers.Skip(1).ToList() });
        }
    }

    public static IEnumerable<RankedSuggestion> Encoding(ColumnProfile c)
    {
        if (c.SemanticType is not "categorical" || c.Numeric is not null || c.Distinct <= 1)
            yield break;
        var distinct = c.Text?.Variants is { Any: true } v ? v.Normalized : c.Distinct;
        var after = c.Text?.Variants is { Any: true } ? " (after normalising its spellings)" : "";
        yield return new RankedSuggestion(SuggestionTiers.Modelling, 0.5, distinct <= Suggester.OneHotMaxDistinct
            ? RankedSuggestion.Make("one_hot", "encoding", $"One-hot encode {c.Name} ({distinct} values{after})", $"{c.Name} has {distinct} categories (≤ {Suggester.OneHotMaxDistinct}): one 0/1 column each.",
                new() { ["new_columns"] = distinct }, new TransformSpec("one_hot", c.Name))
            : RankedSuggestion.Make("frequency_encode", "encoding", $"Frequency-encode {c.Name} ({distinct:N0} values{after})",
                $"{c.Name} has {distinct:N0} categories (> {Suggester.OneHotMaxDistinct}); one-hot would add too many columns, so encode each by its frequency.",
                new() { ["distinct"] = distinct }, new TransformSpec("frequency_encode", c.Name)));
    }

    public static IEnumerable<RankedSuggestion> Scaling(IReadOnlyList<ColumnProfile> numeric)
    {
        var scaled = numeric.Where(c => c.Numeric?.Std is > 0).ToList();
        if (scaled.Count < 2 || scaled.Max(c => c.Numeric!.Std!.Value) / scaled.Min(c => c.Numeric!.Std!.Value) < Suggester.ScaleRatio)
            yield break;
        var range = $"std from {G(scaled.Min(s => s.Numeric!.Std!.Value))} to {G(scaled.Max(s => s.Numeric!.Std!.Value))}";
        foreach (var c in scaled)
            yield return new RankedSuggestion(SuggestionTiers.Modelling, 0.1, RankedSuggestion.Make("standardize", "scaling", $"Standardise {c.Name}",
                $"Numeric columns differ in scale ({range}); distance- and gradient-based models need comparable scales.",
                new() { ["mean"] = c.Numeric!.Mean ?? 0, ["std"] = c.Numeric.Std ?? 1 },
                new TransformSpec("standardize", c.Name, null, new Dictionary<string, double> { ["mean"] = c.Numeric.Mean ?? 0, ["std"] = c.Numeric.Std ?? 1 })));
    }

    // Outlier fixes of a column with IQR outliers: a flag (keeps every value), then removing the rows (a new table).
    private static List<Suggestion> OutlierFixes(DuckDBConnection connection, string table, ColumnProfile c, double skew)
    {
        var num = c.Numeric!;
        if (num.OutliersIqr == 0 || num.Iqr is not { } iqr || num.Quantiles.GetValueOrDefault("p25") is not { } q1 || num.Quantiles.GetValueOrDefault("p75") is not { } q3)
            return [];
        var lower = q1 - (ProfileSettings.IqrFence * iqr);
        var upper = q3 + (ProfileSettings.IqrFence * iqr);
        var share = (double)num.OutliersIqr / c.Count;
        var fences = new Dictionary<string, double> { ["lower"] = lower, ["upper"] = upper };
        var flag = RankedSuggestion.Make("outlier_flag", "outliers", $"Flag the {num.OutliersIqr:N0} IQR outliers of {c.Name} (outside {G(lower)} – {G(upper)})",
            $"{num.OutliersIqr:N0} values ({Pct(share)}) lie beyond Tukey's fences; a 0/1 column marks them and keeps every value.",
            new() { ["rows_flagged"] = num.OutliersIqr }, new TransformSpec("outlier_flag", c.Name, null, fences));
        var after = SkewWithin(connection, table, c.Name, lower, upper);
        var remove = RankedSuggestion.Make("remove_outliers", "outliers", $"Remove {num.OutliersIqr:N0} IQR outliers of {c.Name} (outside {G(lower)} – {G(upper)})",
            $"{num.OutliersIqr:N0} values ({Pct(share)}) lie beyond Tukey's fences; removing them creates a new table (rows with NULL are kept).",
            new() { ["rows_removed"] = num.OutliersIqr, ["skew_before"] = skew, ["skew_after"] = after ?? double.NaN }, new TransformSpec("remove_outliers", c.Name, null, fences));
        return [flag, remove];
    }

    private static double? SkewWithin(DuckDBConnection connection, string table, string column, double lower, double upper)
    {
        var x = $"{SqlQuote.Id(column)}::DOUBLE";
        var value = DataDatabase.Scalar(connection, $"SELECT skewness({x}) FROM {SqlQuote.Id(table)} WHERE {x} BETWEEN {SqlQuote.Number(lower)} AND {SqlQuote.Number(upper)}");
        return value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
    }

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
