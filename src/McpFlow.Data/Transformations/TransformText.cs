using System.Globalization;
using System.Text;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>Readable text for suggestions and applied transformations.</summary>
public static class TransformText
{
    /// <summary>Numbered suggestions with their measured effect; <paramref name="total"/> (default: as many as shown)
    /// is how many there are, so the text says how many were left out by the limit.</summary>
    public static string Suggestions(string table, IReadOnlyList<Suggestion> suggestions, int? total = null)
    {
        if (suggestions.Count == 0)
            return $"No transformation is needed for '{table}': no skew, missing values, duplicates, type problems or outliers crossed their thresholds.";
        var text = new StringBuilder($"{suggestions.Count} suggestion(s) for '{table}', broken data first (types, duplicates, redundant columns, missing values), then modelling:\n");
        foreach (var s in suggestions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Rank}. {s.Title} [{s.Tier}] — {s.Rationale}{Measured(s)} (id: {s.Id})\n");
            foreach (var a in s.Alternatives)
                text.Append(CultureInfo.InvariantCulture, $"   or: {a.Title}{Measured(a)} (id: {a.Id})\n");
        }

        var hidden = (total ?? suggestions.Count) - suggestions.Count;
        if (hidden > 0)
            text.Append(CultureInfo.InvariantCulture, $"{hidden} more below these (ranks {suggestions.Count + 1}-{suggestions.Count + hidden}); pass limit={suggestions.Count + hidden} to see them.\n");
        // What to apply next is the tool's next step (suggest_transformations), in its text and structured content alike.
        return text.ToString().TrimEnd();
    }

    private static string Measured(Suggestion s) =>
        s.Effect.TryGetValue("skew_before", out var before) && s.Effect.TryGetValue("skew_after", out var after) && double.IsFinite(after)
            ? string.Create(CultureInfo.InvariantCulture, $" Measured: skew {before:F2} → {after:F2}.")
            : "";

    /// <summary>Before/after summary of an applied transformation.</summary>
    public static string Applied(TransformResult r)
    {
        var text = new StringBuilder();
        text.AppendLine(r.Column is not null
            ? $"Created column '{r.Column}' in '{r.Table}' = {TransformOperations.Describe(r.Spec)}; the original column is unchanged."
            : $"Created table '{r.Table}' = {TransformOperations.Describe(r.Spec)} of '{r.ParentTable}' ({r.Before.Rows:N0} → {r.After.Rows:N0} rows); '{r.ParentTable}' is unchanged.");
        foreach (var note in r.Notes)
            text.AppendLine("- " + note);
        if (r.Before.Mean is not null || r.After.Mean is not null)
        {
            text.AppendLine().Append(MarkdownTable.Render(["", "column", "count", "mean", "std", "min", "max", "skew", "kurt"],
                new[] { ("before", r.Before), ("after", r.After) }.Select(p => (IReadOnlyList<string>)
                [
                    p.Item1, $"{p.Item2.Table}.{p.Item2.Column}", p.Item2.Count.ToString("N0", CultureInfo.InvariantCulture),
                    N(p.Item2.Mean), N(p.Item2.Std), N(p.Item2.Min), N(p.Item2.Max), N(p.Item2.Skewness), N(p.Item2.Kurtosis),
                ])));
        }

        if (r.Preview.Count > 0)
        {
            var columns = r.Preview[0].Keys.Select(k => new TableColumn(k, "")).ToList();
            text.AppendLine().AppendLine("Preview:").Append(MarkdownTable.Render(columns, r.Preview));
        }

        if (r.Charts.Count > 0)
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"Before/after histograms saved: {string.Join(", ", r.Charts.Select(Path.GetFileName))}.");
        return text.ToString().TrimEnd();
    }

    private static string N(double? v) => v is { } d ? CellValues.FormatNumber(Math.Round(d, 4)) : "";
}
