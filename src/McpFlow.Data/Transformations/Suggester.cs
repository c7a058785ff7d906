using McpFlow.Core.Storage;
using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>
/// Turns a profile into ranked, machine-applicable suggestions, each with its effect measured on the data
/// (skewness after a transform, rows affected, fill values): power transforms and winsorising for skewed columns,
/// outlier handling, imputation chosen by distribution, encoding by cardinality, scaling, type fixes, and
/// dropping constant columns and duplicate rows.
/// </summary>
public sealed class Suggester(DataDatabase database, Profiler profiler)
{
    /// <summary>Categorical columns with at most this many values are one-hot encoded; more get frequency encoding.</summary>
    public const long OneHotMaxDistinct = 10;

    /// <summary>Numeric columns are suggested for standardising when the largest std is at least this many times the smallest.</summary>
    public const double ScaleRatio = 10;

    /// <summary>Profiles <paramref name="table"/> and suggests transformations (optionally for some columns only).</summary>
    public (TableProfile Profile, List<Suggestion> Suggestions) Suggest(string table, IReadOnlyList<string>? columns, CancellationToken cancellationToken)
    {
        var profile = profiler.Profile(table, columns, null, cancellationToken);
        return (profile, SuggestFor(profile, columns is null || columns.Count == 0));
    }

    /// <summary>Suggestions for an existing profile; <paramref name="tableLevel"/> adds whole-table ones (duplicates).</summary>
    public List<Suggestion> SuggestFor(TableProfile profile, bool tableLevel)
    {
        using var connection = database.Open();
        var raw = new List<(double Priority, Suggestion S)>();
        if (profile.DuplicateRows > 0 && tableLevel)
            raw.Add((5 + ((double)profile.DuplicateRows / profile.Rows), Make("drop_duplicates", "cleanup", "Drop duplicate rows",
                $"{profile.DuplicateRows:N0} rows repeat an earlier row exactly; they overweight those records.",
                new() { ["rows_before"] = profile.Rows, ["rows_after"] = profile.Rows - profile.DuplicateRows }, new TransformSpec("drop_duplicates"))));
        foreach (var c in profile.Columns)
            raw.AddRange(ForColumn(connection, profile, c));
        var scaled = profile.Columns.Where(c => c.SemanticType == "numeric" && c.Numeric?.Std is > 0).ToList();
        if (scaled.Count >= 2 && scaled.Max(c => c.Numeric!.Std!.Value) / scaled.Min(c => c.Numeric!.Std!.Value) >= ScaleRatio)
            foreach (var c in scaled)
                raw.Add((0.5, Make("standardize", "scaling", $"Standardise {c.Name}",
                    $"Numeric columns differ in scale (std from {scaled.Min(s => s.Numeric!.Std!.Value):G3} to {scaled.Max(s => s.Numeric!.Std!.Value):G3}); distance- and gradient-based models need comparable scales.",
                    new() { ["mean"] = c.Numeric!.Mean ?? 0, ["std"] = c.Numeric.Std ?? 1 },
                    new TransformSpec("standardize", c.Name, null, new Dictionary<string, double> { ["mean"] = c.Numeric.Mean ?? 0, ["std"] = c.Numeric.Std ?? 1 }))));
        return raw.OrderByDescending(r => r.Priority).Select((r, i) => r.S with { Rank = i + 1 }).ToList();
    }

    private static IEnumerable<(double, Suggestion)> ForColumn(DuckDBConnection connection, TableProfile profile, ColumnProfile c)
    {
        if (c.SemanticType == "constant")
            yield return (4, Make("drop_column", "cleanup", $"Drop constant column {c.Name}", $"{c.Name} has a single value; it carries no information.",
                new() { ["distinct"] = 1 }, new TransformSpec("drop_column", c.Name)));
        if (c.SemanticType == "numeric_as_text" && c.Text is { } t)
            yield return (4.5, Make("to_number", "type_fix", $"Parse {c.Name} as numbers", $"{t.NumericLike:N0} of {c.Count:N0} values of {c.Name} are numbers stored as text.",
                new() { ["parsed"] = t.NumericLike, ["unparsed"] = c.Count - t.NumericLike }, new TransformSpec("to_number", c.Name)));
        if (c.Text is { DateFormats.Count: > 0 } dates && c.SemanticType is "datetime_as_text" or "categorical" or "text")
        {
            var best = dates.DateFormats.MaxBy(f => f.Value);
            var format = ProfileSettings.DateFormats.First(f => f.Label == best.Key).Format;
            yield return (4.2, Make("parse_date", "type_fix", $"Parse {c.Name} as dates ({best.Key})",
                $"{best.Value:N0} of {c.Count:N0} values match {best.Key}" + (dates.DateFormats.Count > 1 ? $"; other formats also occur ({string.Join(", ", dates.DateFormats.Keys)}), values in them become NULL" : "") + ".",
                new() { ["parsed"] = best.Value, ["unparsed"] = c.Count - best.Value }, new TransformSpec("parse_date", c.Name, null, null, format)));
        }

        if (c.Missing > 0 && c.Count > 0)
        {
            var share = c.MissingShare;
            if (c.Numeric is { } n && c.SemanticType is "numeric")
            {
                var skewed = Math.Abs(n.Skewness ?? 0) >= AlertThresholds.Skewness;
                var value = skewed ? n.Quantiles.GetValueOrDefault("p50") ?? 0 : n.Mean ?? 0;
                var op = skewed ? "impute_median" : "impute_mean";
                yield return (3 + (share * 10), Make(op, "imputation", $"Fill missing {c.Name} with the {(skewed ? "median" : "mean")} ({value:G4})",
                    $"{c.Missing:N0} values ({Pct(share)}) are missing; the distribution is {(skewed ? "skewed, so the median is the robust centre" : "roughly symmetric, so the mean is a fair centre")}.",
                    new() { ["rows_filled"] = c.Missing, ["fill_value"] = value }, new TransformSpec(op, c.Name, null, new Dictionary<string, double> { ["value"] = value })));
            }
            else if (c.TopValues.Count > 0)
            {
                yield return (2.9 + (share * 10), Make("impute_mode", "imputation", $"Fill missing {c.Name} with its most frequent value '{c.TopValues[0].Value}'",
                    $"{c.Missing:N0} values ({Pct(share)}) are missing in a {c.SemanticType} column.",
                    new() { ["rows_filled"] = c.Missing, ["mode_share"] = c.TopValues[0].Share }, new TransformSpec("impute_mode", c.Name, null, null, c.TopValues[0].Value)));
            }

            if (share >= AlertThresholds.Missing)
                yield return (2.8 + (share * 10), Make("missing_indicator", "imputation", $"Add a missing-value indicator for {c.Name}",
                    $"{Pct(share)} missing is enough for missingness itself to carry signal; keep it as a 0/1 column before filling.",
                    new() { ["rows_flagged"] = c.Missing }, new TransformSpec("missing_indicator", c.Name)));
        }

        if (c.SemanticType is "categorical" && c.Numeric is null && c.Distinct > 1)
            yield return c.Distinct <= OneHotMaxDistinct
                ? (1, Make("one_hot", "encoding", $"One-hot encode {c.Name} ({c.Distinct} values)", $"{c.Name} has {c.Distinct} categories (≤ {OneHotMaxDistinct}): one 0/1 column each.",
                    new() { ["new_columns"] = c.Distinct }, new TransformSpec("one_hot", c.Name)))
                : (1, Make("frequency_encode", "encoding", $"Frequency-encode {c.Name} ({c.Distinct:N0} values)", $"{c.Name} has {c.Distinct:N0} categories (> {OneHotMaxDistinct}); one-hot would add too many columns, so encode each by its frequency.",
                    new() { ["distinct"] = c.Distinct }, new TransformSpec("frequency_encode", c.Name)));

        if (c.Numeric is not { } num || c.SemanticType != "numeric" || num.Min is not { } min)
            yield break;
        var skew = num.Skewness ?? 0;
        if (Math.Abs(skew) >= AlertThresholds.Skewness)
        {
            var m = SkewMeasurement.Measure(connection, profile.Table, c.Name, min);
            var strength = Math.Abs(skew) >= AlertThresholds.StrongSkewness ? "strongly" : "moderately";
            var why = $"{c.Name} is {strength} {(skew > 0 ? "right" : "left")}-skewed (skew {skew:F2})";
            if (m.Log1p is { } lg)
                yield return (Math.Abs(skew) + 0.2, Make("log1p", "power_transform", $"log1p({c.Name})", $"{why}; log(1 + x) compresses the long tail and keeps zeros.",
                    new() { ["skew_before"] = skew, ["skew_after"] = lg }, new TransformSpec("log1p", c.Name)));
            if (m.YeoJohnson is { } yj)
                yield return (Math.Abs(skew) + 0.1, Make("yeo_johnson", "power_transform", $"Yeo-Johnson({c.Name}, λ = {yj.Lambda:G3})",
                    $"{why}; Yeo-Johnson handles zeros and negatives, λ chosen to minimise |skew| on a grid from −2 to 2.",
                    new() { ["skew_before"] = skew, ["skew_after"] = yj.Skew, ["lambda"] = yj.Lambda }, new TransformSpec("yeo_johnson", c.Name, null, new Dictionary<string, double> { ["lambda"] = yj.Lambda })));
            if (m.Winsorised is { } w)
                yield return (Math.Abs(skew), Make("clip", "outliers", $"Winsorise {c.Name} at its 1st/99th percentiles ({m.P1:G4} – {m.P99:G4})",
                    $"{why}; capping the extreme 2% keeps every row but limits their pull.",
                    new() { ["skew_before"] = skew, ["skew_after"] = w, ["lower"] = m.P1, ["upper"] = m.P99 },
                    new TransformSpec("clip", c.Name, null, new Dictionary<string, double> { ["lower"] = m.P1, ["upper"] = m.P99 })));
        }

        if (num.OutliersIqr > 0 && num.Iqr is { } iqr && num.Quantiles.GetValueOrDefault("p25") is { } q1 && num.Quantiles.GetValueOrDefault("p75") is { } q3)
        {
            var lower = q1 - (ProfileSettings.IqrFence * iqr);
            var upper = q3 + (ProfileSettings.IqrFence * iqr);
            var after = SkewWithin(connection, profile.Table, c.Name, lower, upper);
            var share = (double)num.OutliersIqr / c.Count;
            yield return (Math.Abs(skew) - 0.1 + share, Make("remove_outliers", "outliers", $"Remove {num.OutliersIqr:N0} IQR outliers of {c.Name} (outside {lower:G4} – {upper:G4})",
                $"{num.OutliersIqr:N0} values ({Pct(share)}) lie beyond Tukey's fences; removing them creates a new table (rows with NULL are kept).",
                new() { ["rows_removed"] = num.OutliersIqr, ["skew_before"] = skew, ["skew_after"] = after ?? double.NaN },
                new TransformSpec("remove_outliers", c.Name, null, new Dictionary<string, double> { ["lower"] = lower, ["upper"] = upper })));
        }
    }

    private static double? SkewWithin(DuckDBConnection connection, string table, string column, double lower, double upper)
    {
        var x = $"{SqlQuote.Id(column)}::DOUBLE";
        var value = DataDatabase.Scalar(connection, $"SELECT skewness({x}) FROM {SqlQuote.Id(table)} WHERE {x} BETWEEN {SqlQuote.Number(lower)} AND {SqlQuote.Number(upper)}");
        return value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
    }

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static Suggestion Make(string op, string category, string title, string rationale, Dictionary<string, double> effect, TransformSpec spec) =>
        new($"{op}:{spec.Column ?? "*"}", 0, category, title, rationale, effect, spec);
}
