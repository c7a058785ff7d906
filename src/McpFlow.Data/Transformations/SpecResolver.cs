using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>
/// Completes an explicit operation from the data: parameters the caller left out are computed on the server
/// (mean and std for <c>standardize</c>, min and max for <c>min_max</c>, the fill value of imputations, percentile
/// bounds for <c>clip</c>, Tukey fences for <c>outlier_flag</c>/<c>remove_outliers</c>, λ for the power transforms,
/// the number convention of <c>to_number</c>, the date formats of <c>parse_date</c>, the spellings of
/// <c>normalize_text</c>), each stated in a note. A number or date column whose convention cannot be decided from
/// its values is refused with the counts of each reading rather than guessed.
/// </summary>
public static class SpecResolver
{
    /// <summary>Most distinct values <c>normalize_text</c> maps by their most frequent spelling.</summary>
    public const int MaxNormalizedValues = 10_000;

    /// <summary>The spec with every parameter set, and one note per parameter computed.</summary>
    public static (TransformSpec Spec, List<string> Notes) Resolve(DuckDBConnection connection, string table, TransformSpec spec, TransformContext context)
    {
        var notes = new List<string>();
        if (spec.Column is null)
            return (spec, notes);
        var from = SqlQuote.Id(table);
        var col = SqlQuote.Id(spec.Column);
        var x = $"{col}::DOUBLE";
        var finite = $"isfinite({x})";
        double[] Stats(string aggregates) => DataDatabase.Rows(connection, $"SELECT {aggregates} FROM {from} WHERE {finite}",
            r => Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? double.NaN : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture)).ToArray())[0];
        void Note(string what, int count) => notes.Add($"{what} computed on the server from {count.ToString("N0", CultureInfo.InvariantCulture)} values of {spec.Column}.");
        switch (spec.Operation)
        {
            case "standardize" when !spec.Has("mean") || !spec.Has("std"):
                {
                    var s = Stats("avg(" + x + "), stddev_samp(" + x + "), count(" + x + ")");
                    if (!(s[1] > 0))
                        throw McpFlowException.Invalid($"{spec.Column} has no spread (std {N(s[1])}); standardising would divide by zero.", "Drop the column instead, or pass parameters mean and std.");
                    spec = spec.With("mean", spec.Has("mean") ? spec.Parameter("mean") : s[0]).With("std", spec.Has("std") ? spec.Parameter("std") : s[1]);
                    Note($"mean {N(spec.Parameter("mean"))} and std {N(spec.Parameter("std"))}", (int)s[2]);
                    break;
                }

            case "min_max" when !spec.Has("min") || !spec.Has("max"):
                {
                    var s = Stats("min(" + x + "), max(" + x + "), count(" + x + ")");
                    if (!(s[1] > s[0]))
                        throw McpFlowException.Invalid($"{spec.Column} has a single value; min-max scaling would divide by zero.", "Drop the column instead, or pass parameters min and max.");
                    spec = spec.With("min", spec.Has("min") ? spec.Parameter("min") : s[0]).With("max", spec.Has("max") ? spec.Parameter("max") : s[1]);
                    Note($"min {N(spec.Parameter("min"))} and max {N(spec.Parameter("max"))}", (int)s[2]);
                    break;
                }

            case "impute_mean" or "impute_median" when !spec.Has("value"):
                {
                    var s = Stats((spec.Operation == "impute_mean" ? "avg(" : "quantile_cont(") + x + (spec.Operation == "impute_mean" ? ")" : ", 0.5)") + ", count(" + x + ")");
                    if (double.IsNaN(s[0]))
                        throw McpFlowException.Invalid($"{spec.Column} has no values to compute a fill value from.", "Pass parameters {\"value\": ...}, or drop the column.");
                    spec = spec.With("value", s[0]);
                    Note($"fill value {N(s[0])} ({(spec.Operation == "impute_mean" ? "mean" : "median")})", (int)s[1]);
                    break;
                }

            case "clip" when !spec.Has("lower") || !spec.Has("upper"):
                {
                    var s = Stats($"quantile_cont({x}, 0.01), quantile_cont({x}, 0.99), count({x})");
                    spec = spec.With("lower", spec.Has("lower") ? spec.Parameter("lower") : s[0]).With("upper", spec.Has("upper") ? spec.Parameter("upper") : s[1]);
                    Note($"bounds {N(spec.Parameter("lower"))} – {N(spec.Parameter("upper"))} (1st/99th percentiles)", (int)s[2]);
                    break;
                }

            case "outlier_flag" or "remove_outliers" when !spec.Has("lower") || !spec.Has("upper"):
                {
                    var s = Stats($"quantile_cont({x}, 0.25), quantile_cont({x}, 0.75), count({x})");
                    var iqr = s[1] - s[0];
                    spec = spec.With("lower", spec.Has("lower") ? spec.Parameter("lower") : s[0] - (ProfileSettings.IqrFence * iqr))
                        .With("upper", spec.Has("upper") ? spec.Parameter("upper") : s[1] + (ProfileSettings.IqrFence * iqr));
                    Note($"Tukey fences {N(spec.Parameter("lower"))} – {N(spec.Parameter("upper"))} (Q1 − {ProfileSettings.IqrFence}·IQR, Q3 + {ProfileSettings.IqrFence}·IQR)", (int)s[2]);
                    break;
                }

            case "box_cox" or "yeo_johnson" when !spec.Has("lambda"):
                {
                    var s = Stats($"min({x}), count({x})");
                    var m = SkewMeasurement.Measure(connection, table, spec.Column, s[0]);
                    var best = spec.Operation == "box_cox" ? m.BoxCox : m.YeoJohnson;
                    if (best is not { } b)
                        throw McpFlowException.Invalid(spec.Operation == "box_cox" ? $"Box-Cox needs positive values; {spec.Column} has a minimum of {N(s[0])}." : $"No λ could be measured for {spec.Column}.",
                            spec.Operation == "box_cox" ? "Use yeo_johnson, which takes zeros and negatives." : "Pass parameters {\"lambda\": ...}.");
                    spec = spec.With("lambda", b.Lambda);
                    Note($"λ = {N(b.Lambda)} (skew after {N(b.Skew)}, the least |skew| on the grid −2…2)", (int)s[1]);
                    break;
                }

            case "impute_mode" or "impute_value":
                spec = FillText(connection, from, col, spec, context, notes);
                break;
            case "to_number":
                spec = Number(connection, from, col, spec, context, notes);
                break;
            case "parse_date":
                spec = Dates(connection, from, col, spec, context, notes);
                break;
            case "normalize_text":
                spec = Normalize(connection, from, col, spec, context, notes);
                break;
            case "null_markers" when spec.Values is null:
                if (context.Markers.IsEmpty)
                    throw McpFlowException.Invalid($"Table '{table}' was loaded with no missing markers, so nothing would change.", "Reload it with missing_markers, e.g. [\"N/A\", \"-\"].");
                spec = spec with { Values = context.Markers.Values };
                notes.Add($"Markers {context.Markers.Describe()} (those the table was loaded with) become NULL.");
                break;
        }

        return (spec, notes);
    }

    private static TransformSpec FillText(DuckDBConnection connection, string from, string col, TransformSpec spec, TransformContext context, List<string> notes)
    {
        if (spec.Text is null && spec.Operation == "impute_mode")
        {
            var text = context.Text(col);
            var mode = DataDatabase.Rows(connection,
                $"SELECT v, count(*) AS n FROM (SELECT {text} AS v FROM {from}) WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT 1",
                r => (Value: r.GetString(0), Count: r.GetInt64(1))).FirstOrDefault();
            if (mode.Value is null)
                throw McpFlowException.Invalid($"{spec.Column} has no values, so it has no most frequent value.", "Pass text (the fill value), or drop the column.");
            notes.Add($"Fill value '{mode.Value}' (the most frequent value, {mode.Count.ToString("N0", CultureInfo.InvariantCulture)} rows; missing markers {context.Markers.Describe()} never count) computed on the server.");
            return spec with { Text = mode.Value };
        }

        if (spec.Text is { } fill && context.Markers.IsMarker(fill))
            throw McpFlowException.Invalid($"The fill value '{Short(fill)}' is a missing marker of this table; filling with it would leave the rows missing.",
                "Pass another text, or leave text out for impute_mode to use the most frequent real value.");
        return spec;
    }

    private static TransformSpec Number(DuckDBConnection connection, string from, string col, TransformSpec spec, TransformContext context, List<string> notes)
    {
        var scale = spec.Has("percent_scale") ? spec.Parameter("percent_scale") : TransformOperations.DefaultPercentScale;
        spec = spec.With("percent_scale", scale);
        var evidence = NumberFormatDetector.Detect(connection, from, MissingMarkers.Trimmed(context.Text(col)));
        var percent = evidence.Percent > 0 ? $" Values with '%' are multiplied by {N(scale)} (\"5%\" = {N(5 * scale)}); pass parameters {{\"percent_scale\": {(scale == 1 ? "0.01" : "1")}}} for {(scale == 1 ? "fractions" : "percentage points")}." : "";
        if (spec.Text is not null)
        {
            var given = TransformOperations.DecimalSeparator(spec);
            notes.Add($"Decimal separator {NumberSyntax.Name(given)} as given ({Readings(evidence)}).{percent}");
            return spec;
        }

        if (evidence.LeadingZeros > 0)
            throw McpFlowException.Invalid(
                $"{spec.Column} looks like a code, not a number: {evidence.LeadingZeros.ToString("N0", CultureInfo.InvariantCulture)} values have leading zeros (e.g. postal codes or ids), which a number would lose.",
                "Keep it as text. If it really is a quantity, pass text=\".\" or \",\" to convert it anyway.");
        var reading = evidence.Decide();
        if (!reading.IsDecided)
            throw McpFlowException.Invalid(
                $"The numbers in {spec.Column} can be read two ways, so they are not converted: {reading.Statement}. Counts of each reading: {Readings(evidence)}.",
                $"Pass text=\",\" if ',' is the decimal separator ({evidence.AmbiguousReading(',')}) or text=\".\" if it is '.' ({evidence.AmbiguousReading('.')}); values that do not fit the choice become NULL and are counted.");
        notes.Add($"Read with {reading.Statement}.{percent}");
        return spec with { Text = reading.DecimalSeparator == ',' ? "," : "." };
    }

    /// <summary>The counts behind each reading, for messages.</summary>
    public static string Readings(NumberEvidence e) =>
        $"{C(e.CommaDecimal)} fit only ',' as the decimal separator, {C(e.DotDecimal)} only '.', {C(e.Ambiguous)} fit both with different values, " +
        $"{C(e.Neutral)} are plain integers, {C(e.Malformed + e.NotNumbers)} fit neither";

    private static TransformSpec Dates(DuckDBConnection connection, string from, string col, TransformSpec spec, TransformContext context, List<string> notes)
    {
        if (spec.Text is not null || spec.Values is not null)
        {
            var formats = spec.Values ?? spec.Text!.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (formats.Count is 0 or > DateSyntax.MaxFormats || formats.Any(f => f.Length > DateSyntax.MaxFormatLength || !f.Contains('%', StringComparison.Ordinal)))
                throw McpFlowException.Invalid($"parse_date's text must be 1 to {DateSyntax.MaxFormats} strptime formats separated by '|', each with a % directive and at most {DateSyntax.MaxFormatLength} characters.",
                    "E.g. text=\"%d/%m/%Y\" or \"%Y-%m-%d|%d/%m/%Y|%b %d, %Y\"; leave text out to let the server detect them.");
            notes.Add($"Formats {string.Join(" | ", formats)} as given, tried in that order.");
            return spec with { Values = formats.ToList() };
        }

        var reading = DateFormatDetector.Detect(connection, from, MissingMarkers.Trimmed(context.Text(col))).Decide();
        if (!reading.IsDecided)
            throw McpFlowException.Invalid($"The dates in {spec.Column} cannot be read without a choice: {reading.Statement}.",
                "Pass text=\"%d/%m/%Y\" (day first) or text=\"%m/%d/%Y\" (month first); several formats can be separated by '|'.");
        notes.Add($"Dates read with {reading.Statement}; formats tried in order: {string.Join(" | ", reading.Formats)}.");
        return spec with { Values = reading.Formats };
    }

    private static TransformSpec Normalize(DuckDBConnection connection, string from, string col, TransformSpec spec, TransformContext context, List<string> notes)
    {
        var mode = SqlQuote.Keyword(spec.Text ?? "most_frequent", TransformOperations.NormalizeModes.ToArray(), "normalize_text's text");
        spec = spec with { Text = mode };
        if (mode != "most_frequent" || spec.Mapping is not null)
            return spec;
        var trimmed = MissingMarkers.Trimmed(context.Text(col));
        var spellings = DataDatabase.Rows(connection,
            $"SELECT lower(v), v, count(*) AS n FROM (SELECT {trimmed} AS v FROM {from}) WHERE v IS NOT NULL GROUP BY v ORDER BY 1, n DESC, v LIMIT {MaxNormalizedValues + 1}",
            r => (Key: r.GetString(0), Value: r.GetString(1), Count: r.GetInt64(2)));
        if (spellings.Count > MaxNormalizedValues)
            throw McpFlowException.Invalid($"{spec.Column} has more than {MaxNormalizedValues:N0} distinct values; merging spellings by frequency is meant for categories.",
                "Pass text=\"lower\" to lower-case every value instead.");
        var groups = spellings.GroupBy(s => s.Key).Where(g => g.Count() > 1).ToList();
        var mapping = groups.ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var raw = DataDatabase.Rows(connection, $"SELECT count(DISTINCT v) FROM (SELECT {context.Text(col)} AS v FROM {from})", r => r.GetInt64(0))[0];
        var kept = spellings.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count();
        notes.Add($"{raw.ToString("N0", CultureInfo.InvariantCulture)} raw values become {kept.ToString("N0", CultureInfo.InvariantCulture)}: surrounding spaces trimmed, " +
                  $"and {mapping.Count.ToString("N0", CultureInfo.InvariantCulture)} value(s) written in several cases take their most frequent spelling" +
                  (mapping.Count > 0 ? $" (e.g. {string.Join(", ", groups.Take(3).Select(g => $"{string.Join("/", g.Select(s => $"'{s.Value}'"))} → '{g.First().Value}'"))})." : "."));
        return spec with { Mapping = mapping };
    }

    private static string C(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(double value) => double.IsNaN(value) ? "n/a" : value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
