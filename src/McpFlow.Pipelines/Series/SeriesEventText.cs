using System.Globalization;
using System.Text;

namespace McpFlow.Pipelines.Series;

/// <summary>Readable summary of a <see cref="SeriesEventReport"/>.</summary>
public static class SeriesEventText
{
    /// <summary>Rows of each kind shown in the text (the structured result lists more).</summary>
    public const int Shown = 15;

    /// <summary>Markdown: settings, then tables of spikes and change points.</summary>
    public static string Markdown(SeriesEventReport r)
    {
        var text = new StringBuilder();
        text.AppendLine($"'{r.ValueColumn}' of '{r.Table}' over '{r.TimeColumn}': {r.Rows} rows{(r.MissingValues > 0 ? $" ({r.MissingValues} missing values skipped)" : "")}, " +
            $"{r.SpikeCount} spike(s), {r.ChangePointCount} change point(s).");
        text.AppendLine($"Season removed: {(r.Season is { } m ? $"{m} rows" : "none")}; spike threshold |robust z| ≥ {F(r.Threshold)}; " +
            $"change points by PELT (changes in mean, penalty {F(r.Penalty)} = 3 log n, noise σ {F(r.NoiseSigma)}).");
        if (r.Spikes.Count > 0)
        {
            text.AppendLine().AppendLine("| row | time | value | expected | z | p |").AppendLine("|---|---|---|---|---|---|");
            foreach (var s in r.Spikes.OrderByDescending(s => Math.Abs(s.Score)).Take(Shown).OrderBy(s => s.Index))
                text.AppendLine($"| {s.Index} | {s.Time} | {F(s.Value)} | {F(s.Expected)} | {F(s.Score)} | {s.PValue.ToString("G2", CultureInfo.InvariantCulture)} |");
        }

        if (r.ChangePoints.Count > 0)
        {
            text.AppendLine().AppendLine("| row | time | mean before | mean after | shift (σ) |").AppendLine("|---|---|---|---|---|");
            foreach (var c in r.ChangePoints.OrderByDescending(c => Math.Abs(c.Shift)).Take(Shown).OrderBy(c => c.Index))
                text.AppendLine($"| {c.Index} | {c.Time} | {F(c.MeanBefore)} | {F(c.MeanAfter)} | {F(c.Shift)} |");
        }

        if (r.SpikeCount + r.ChangePointCount > 2 * Shown)
            text.AppendLine().AppendLine($"Strongest {Shown} of each shown; the structured result lists up to {SeriesEventFinder.MaxListed} of each.");
        text.AppendLine().Append($"Chart: {r.Chart}");
        return text.ToString();
    }

    private static string F(double v) => Math.Abs(v) >= 1e6 ? v.ToString("G4", CultureInfo.InvariantCulture) : v.ToString("0.####", CultureInfo.InvariantCulture);
}
