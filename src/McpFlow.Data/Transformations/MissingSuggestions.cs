using System.Globalization;
using McpFlow.Data.Profiling;

namespace McpFlow.Data.Transformations;

/// <summary>Tier 4 suggestions (<see cref="SuggestionTiers.Missing"/>): up to <see cref="Suggester.ImputeMaxMissingShare"/>
/// missing, fill with the median (skewed numbers), the mean (symmetric numbers) or the most frequent value (never a
/// missing marker), with a missing-value flag as the alternative; above it, imputing would invent most of the column,
/// so dropping it comes first and the flag is the alternative.</summary>
internal static class MissingSuggestions
{
    public static IEnumerable<RankedSuggestion> For(ColumnProfile c)
    {
        // Type problems first: a number or date column stored as text is imputed after it is parsed. Keys are not imputed.
        if (c.Missing == 0 || c.Count == 0 || c.SemanticType is "numeric_as_text" or "datetime_as_text" || SemanticTypes.IsKey(c.SemanticType))
            yield break;
        var share = c.MissingShare;
        var flag = RankedSuggestion.Make("missing_indicator", "imputation", $"Add a missing-value flag for {c.Name}",
            $"{N(c.Missing)} values ({Pct(share)}) are missing; a 0/1 column keeps the fact that they were missing, which can itself carry signal.",
            new() { ["rows_flagged"] = c.Missing }, new TransformSpec("missing_indicator", c.Name));
        if (share > Suggester.ImputeMaxMissingShare)
        {
            yield return new RankedSuggestion(SuggestionTiers.Missing, share, RankedSuggestion.Make("drop_column", "imputation", $"Drop {c.Name} ({Pct(share)} missing)",
                $"{N(c.Missing)} of {N(c.Missing + c.Count)} values ({Pct(share)}) are missing, more than {Pct(Suggester.ImputeMaxMissingShare)}: any fill value would make up " +
                $"most of the column. Drop it, or keep only its missing-value flag (alternative).",
                new() { ["missing_share"] = share }, new TransformSpec("drop_column", c.Name)) with
            { Alternatives = [flag] });
            yield break;
        }

        var alternatives = new List<Suggestion>();
        Suggestion best;
        if (c.Numeric is { } n && c.SemanticType == "numeric")
        {
            var skewed = Math.Abs(n.Skewness ?? 0) >= AlertThresholds.Skewness;
            best = Fill(c, share, skewed ? "impute_median" : "impute_mean", skewed ? n.Quantiles.GetValueOrDefault("p50") ?? 0 : n.Mean ?? 0, skewed);
            alternatives.Add(Fill(c, share, skewed ? "impute_mean" : "impute_median", skewed ? n.Mean ?? 0 : n.Quantiles.GetValueOrDefault("p50") ?? 0, skewed));
        }
        else if (c.TopValues.Count > 0)
        {
            best = RankedSuggestion.Make("impute_mode", "imputation", $"Fill missing {c.Name} with its most frequent value '{c.TopValues[0].Value}'",
                $"{N(c.Missing)} values ({Pct(share)}) are missing in a {c.SemanticType} column; '{c.TopValues[0].Value}' is {Pct(c.TopValues[0].Share)} of the values.",
                new() { ["rows_filled"] = c.Missing, ["mode_share"] = c.TopValues[0].Share }, new TransformSpec("impute_mode", c.Name, null, null, c.TopValues[0].Value));
        }
        else
        {
            best = flag;
        }

        if (best != flag)
            alternatives.Insert(0, flag);
        yield return new RankedSuggestion(SuggestionTiers.Missing, share, best with { Alternatives = alternatives });
    }

    private static Suggestion Fill(ColumnProfile c, double share, string op, double value, bool skewed) =>
        RankedSuggestion.Make(op, "imputation", $"Fill missing {c.Name} with the {(op == "impute_median" ? "median" : "mean")} ({value.ToString("G4", CultureInfo.InvariantCulture)})",
            $"{N(c.Missing)} values ({Pct(share)}) are missing; " + (op == "impute_median"
                ? (skewed ? "the distribution is skewed, so the median is the robust centre." : "the median is robust to outliers.")
                : (skewed ? "the mean is pulled by the long tail of this skewed distribution." : "the distribution is roughly symmetric, so the mean is a fair centre.")),
            new() { ["rows_filled"] = c.Missing, ["fill_value"] = value }, new TransformSpec(op, c.Name, null, new Dictionary<string, double> { ["value"] = value }));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
