namespace McpFlow.Data.Profiling;

/// <summary>Derives alerts from column profiles, duplicates and correlations using <see cref="AlertThresholds"/>.</summary>
public static class AlertRules
{
    private static readonly string[] Order =
        ["duplicates", "empty", "missing", "missing_markers", "mixed_types", "ambiguous_format", "inconsistent_categories", "infinite", "constant", "skewed", "outliers",
         "high_correlation", "imbalance", "zeros", "high_cardinality", "unique"];

    /// <summary>All alerts, most important kinds first.</summary>
    public static List<Alert> Evaluate(long rows, long duplicateRows, IReadOnlyList<ColumnProfile> columns, IReadOnlyList<Correlation> correlations)
    {
        var alerts = new List<Alert>();
        if (rows > 0 && duplicateRows > 0 && (double)duplicateRows / rows > AlertThresholds.Duplicates)
            alerts.Add(new("duplicates", null, $"{duplicateRows:N0} duplicate rows ({Pct((double)duplicateRows / rows)})", (double)duplicateRows / rows, AlertThresholds.Duplicates));
        foreach (var c in columns)
            alerts.AddRange(ForColumn(rows, c));
        foreach (var pair in correlations.Where(p => Math.Abs(p.Value) >= AlertThresholds.Correlation))
            alerts.Add(new("high_correlation", $"{pair.A} ~ {pair.B}", $"{pair.A} and {pair.B} are highly correlated ({pair.Method} {pair.Value:F2})", Math.Abs(pair.Value), AlertThresholds.Correlation));
        return alerts.OrderBy(a => Array.IndexOf(Order, a.Kind)).ToList();
    }

    private static IEnumerable<Alert> ForColumn(long rows, ColumnProfile c)
    {
        if (rows > 0 && c.Count == 0)
        {
            yield return new("empty", c.Name, $"{c.Name} is entirely empty (all NULL)", 1, 1);
            yield break;
        }

        if (c.MissingShare >= AlertThresholds.Missing)
            yield return new("missing", c.Name, $"{c.Name} has {c.Missing:N0} missing values ({Pct(c.MissingShare)})", c.MissingShare, AlertThresholds.Missing);
        if (c.Markers > 0)
            yield return new("missing_markers", c.Name, $"{c.Name} holds {c.Markers:N0} missing markers (such as 'N/A', '-' or blanks), counted as missing", c.Markers, 1);
        if (c.Distinct == 1 && c.Count > 0)
            yield return new("constant", c.Name, $"{c.Name} has a single value", 1, 1);
        if (c.SemanticType is "identifier")
            yield return new("unique", c.Name, $"{c.Name} has a distinct value in every row (an identifier?)", 1, 1);
        if (c.SemanticType is "categorical" && c.Distinct > AlertThresholds.HighCardinality)
            yield return new("high_cardinality", c.Name, $"{c.Name} has {c.Distinct:N0} distinct values", c.Distinct, AlertThresholds.HighCardinality);
        if (c.SemanticType is "categorical" or "boolean" && c.TopValues.Count > 0 && c.Distinct > 1 && c.TopValues[0].Share >= AlertThresholds.Imbalance)
            yield return new("imbalance", c.Name, $"{c.Name} is dominated by '{c.TopValues[0].Value}' ({Pct(c.TopValues[0].Share)})", c.TopValues[0].Share, AlertThresholds.Imbalance);
        if (c.Text is { } t)
        {
            foreach (var alert in TextAlerts(c, t))
                yield return alert;
        }

        if (c.Numeric is not { } n)
            yield break;
        if (n.Infinities > 0)
            yield return new("infinite", c.Name, $"{c.Name} has {n.Infinities:N0} infinite values", n.Infinities, 1);
        // A 0/1 flag is not skewed or full of outliers; its imbalance is what matters (imbalance alert).
        if (c.IsBinary)
            yield break;
        if (n.Skewness is { } skew && Math.Abs(skew) >= AlertThresholds.Skewness && c.SemanticType == "numeric")
            yield return new("skewed", c.Name, $"{c.Name} is {(Math.Abs(skew) >= AlertThresholds.StrongSkewness ? "strongly " : "")}{(skew > 0 ? "right" : "left")}-skewed (skew {skew:F2})", Math.Abs(skew), AlertThresholds.Skewness);
        if (c.SemanticType == "numeric" && c.Count > 0 && (double)n.OutliersIqr / c.Count >= AlertThresholds.Outliers)
            yield return new("outliers", c.Name, $"{c.Name} has {n.OutliersIqr:N0} values beyond the IQR fences ({Pct((double)n.OutliersIqr / c.Count)}), {n.OutliersZ:N0} with |z| > {ProfileSettings.ZScoreLimit}", (double)n.OutliersIqr / c.Count, AlertThresholds.Outliers);
        if (c.Count > 0 && (double)n.Zeros / c.Count >= AlertThresholds.Zeros)
            yield return new("zeros", c.Name, $"{c.Name} is zero in {n.Zeros:N0} rows ({Pct((double)n.Zeros / c.Count)})", (double)n.Zeros / c.Count, AlertThresholds.Zeros);
    }

    private static IEnumerable<Alert> TextAlerts(ColumnProfile c, TextStats t)
    {
        if (c.SemanticType == "numeric_as_text" && t.Number is { } number)
        {
            yield return new("mixed_types", c.Name, $"{c.Name} holds numbers stored as text ({t.NumericLike:N0} of {c.Count:N0} are written as numbers; {number.Statement})",
                (double)t.NumericLike / c.Count, AlertThresholds.NumericAsText);
            if (!number.IsDecided)
                yield return new("ambiguous_format", c.Name, $"{c.Name}: the decimal separator cannot be decided ({number.Status}): {number.Statement}", number.Evidence.Ambiguous, 1);
        }

        if (c.SemanticType == "code" && t.Number is { Evidence.LeadingZeros: > 0 } code)
            yield return new("mixed_types", c.Name, $"{c.Name} is a code written with digits ({code.Evidence.LeadingZeros:N0} values with leading zeros): keep it as text", code.Evidence.LeadingZeros, 1);
        var formats = t.DateFormats.Where(f => f.Value > 0).ToList();
        if (formats.Count >= 2 && formats.Any(f => f.Value < c.Count))
            yield return new("mixed_types", c.Name, $"{c.Name} mixes date formats: {string.Join(", ", formats.Select(f => $"{f.Key} {f.Value:N0}"))}", formats.Count, 2);
        if (t.Dates is { IsDecided: false } dates && dates.Evidence.DateLike >= AlertThresholds.NumericAsText * c.Count)
            yield return new("ambiguous_format", c.Name, $"{c.Name}: the dates cannot be read without a choice ({dates.Status}): {dates.Statement}", dates.Evidence.Numeric, 1);
        if (t.Variants is { Any: true } v)
            yield return new("inconsistent_categories", c.Name,
                $"{c.Name} has {v.Raw:N0} raw values for {v.Normalized:N0} categories (spellings differ only by case or spaces, e.g. {string.Join(", ", v.Examples.Select(e => $"'{e}'"))})",
                v.Raw - v.Normalized, 1);
    }

    private static string Pct(double share) => (share * 100).ToString(share < 0.01 ? "0.##" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
