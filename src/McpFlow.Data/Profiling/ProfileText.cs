using System.Globalization;
using System.Text;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>The readable answer of <c>analyze_dataframe</c>: what matters first, then the details.</summary>
public static class ProfileText
{
    /// <summary>Lines of highlights, alerts and table rows shown at most: a wide table's text stays within its share of
    /// the result budget (about 20,000 characters of <see cref="Core.Mcp.ResultBudget.MaxCharacters"/>); the rest is in
    /// the full profile (<see cref="ProfileStore"/>), which the answer links.</summary>
    public const int MaxLines = 40;

    /// <summary>Renders the profile.</summary>
    public static string Render(TableProfile p)
    {
        var text = new StringBuilder();
        var kinds = p.Columns.GroupBy(c => c.SemanticType).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        var cells = (double)p.Rows * p.Columns.Count;
        text.Append(CultureInfo.InvariantCulture, $"{p.Table}: {p.Rows:N0} rows, {p.ColumnCount} columns");
        if (p.Columns.Count < p.ColumnCount)
            text.Append(CultureInfo.InvariantCulture, $", the first {p.Columns.Count} profiled (name others with columns=[...])");
        text.Append(CultureInfo.InvariantCulture, $" ({string.Join(", ", kinds)})");
        text.Append(CultureInfo.InvariantCulture, $"; {Percent(cells == 0 ? 0 : p.MissingCells / cells)} of cells missing; {p.DuplicateRows:N0} duplicate rows");
        text.AppendLine(!p.Approximate ? "."
            : p.Columns.Any(c => c.DistinctApproximate)
                ? $" (quantiles approximate; distinct counts marked ~ are HyperLogLog estimates, standard error about {ProfileSettings.ApproxDistinctStandardError * 100:0}%, the others exact)."
                : " (quantiles approximate; distinct counts exact).");
        var highlights = Highlights(p).ToList();
        foreach (var line in highlights.Take(MaxLines))
            text.AppendLine("- " + line);
        More(text, highlights.Count, "highlights");
        if (p.Alerts.Count > 0)
        {
            text.AppendLine().AppendLine($"Alerts ({p.Alerts.Count}):");
            foreach (var a in p.Alerts.Take(MaxLines))
                text.AppendLine($"- [{a.Kind}] {a.Message}");
            More(text, p.Alerts.Count, "alerts");
        }

        var strong = p.Correlations.Where(c => Math.Abs(c.Value) >= AlertThresholds.StrongCorrelation).OrderByDescending(c => Math.Abs(c.Value)).Take(8).ToList();
        if (strong.Count > 0)
            text.AppendLine().AppendLine("Strong correlations: " + string.Join("; ", strong.Select(c => $"{c.A} ~ {c.B} {c.Method} {c.Value:F2}")) + ".");
        text.AppendLine().Append(MarkdownTable.Render(
            ["column", "type", "semantic", "missing", "distinct", "min", "max", "mean", "std", "skew", "kurt"],
            p.Columns.Take(MaxLines).Select(c => (IReadOnlyList<string>)
            [
                c.Name, c.Type, c.SemanticType, c.Missing.ToString("N0", CultureInfo.InvariantCulture), (c.DistinctApproximate ? "~" : "") + c.Distinct.ToString("N0", CultureInfo.InvariantCulture),
                c.Numeric?.Min is { } mn ? CellValues.FormatNumber(mn) : c.Min ?? "", c.Numeric?.Max is { } mx ? CellValues.FormatNumber(mx) : c.Max ?? "",
                Num(c.Numeric?.Mean), Num(c.Numeric?.Std), Num(c.Numeric?.Skewness), Num(c.Numeric?.Kurtosis),
            ])));
        More(text, p.Columns.Count, "columns");
        text.AppendLine().Append("Skewness is the adjusted sample skewness G1 and kurtosis the bias-corrected excess kurtosis G2 (as pandas skew()/kurt()). ")
            .Append(CultureInfo.InvariantCulture, $"Profiled in {p.ElapsedMs / 1000:F2} s.");
        return text.ToString();
    }

    /// <summary>One line per notable numeric column: range, and skew with what to consider.</summary>
    public static IEnumerable<string> Highlights(TableProfile p)
    {
        foreach (var c in p.Columns.Where(c => c.Numeric is not null && c.SemanticType == "numeric"))
        {
            var n = c.Numeric!;
            var line = $"{c.Name} {Num(n.Min)}–{Num(n.Max)} (mean {Num(n.Mean)}, median {Num(n.Quantiles.GetValueOrDefault("p50"))})";
            if (n.Skewness is { } skew && Math.Abs(skew) >= AlertThresholds.Skewness)
            {
                var strength = Math.Abs(skew) >= AlertThresholds.StrongSkewness ? "strongly" : "moderately";
                var fix = skew > 0 ? (n.Min >= 0 ? "consider log (log1p)" : "consider Yeo-Johnson") : "consider a reflected log or Yeo-Johnson";
                line = $"{c.Name} {strength} {(skew > 0 ? "right" : "left")}-skewed (skew {skew:F1}) → {fix}; range {Num(n.Min)}–{Num(n.Max)}, median {Num(n.Quantiles.GetValueOrDefault("p50"))}";
            }

            if (n.OutliersIqr > 0)
                line += $"; {n.OutliersIqr:N0} IQR outliers";
            yield return line;
        }

        foreach (var c in p.Columns.Where(c => c.MissingShare >= AlertThresholds.Missing))
            yield return $"{c.Name} is {Percent(c.MissingShare)} missing";
    }

    private static void More(StringBuilder text, int count, string what)
    {
        if (count > MaxLines)
            text.AppendLine(CultureInfo.InvariantCulture, $"- … {count - MaxLines:N0} more {what} in the full profile.");
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Num(double? value) => value is { } v ? CellValues.FormatNumber(Math.Round(v, Math.Abs(v) >= 100 ? 1 : 3)) : "";
}
