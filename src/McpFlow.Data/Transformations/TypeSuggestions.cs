using System.Globalization;
using McpFlow.Data.Parsing;
using McpFlow.Data.Profiling;

namespace McpFlow.Data.Transformations;

/// <summary>Tier 1 suggestions (<see cref="SuggestionTiers.Types"/>): numbers and dates stored as text, with the
/// convention decided from the column's values (or the choice laid out when they cannot decide it); missing markers
/// left in the data; category values spelled several ways. Codes (postal codes, ids) are never turned into numbers.</summary>
internal static class TypeSuggestions
{
    /// <summary>Share of a text column's values that must look like dates for parse_date to be suggested.</summary>
    public const double DateLikeMinShare = 0.5;

    public static IEnumerable<RankedSuggestion> For(ColumnProfile c, MissingMarkers markers)
    {
        if (c.Text is not { } t || c.Count == 0)
            yield break;
        var typed = false;
        if (c.SemanticType == "numeric_as_text" && t.Number is { } number)
        {
            typed = true;
            yield return new RankedSuggestion(SuggestionTiers.Types, (double)t.NumericLike / Math.Max(1, c.Count + c.Markers), Numbers(c, number));
        }
        else if (t.Dates is { } dates && !SemanticTypes.IsKey(c.SemanticType) && dates.Evidence.DateLike >= DateLikeMinShare * c.Count)
        {
            typed = true;
            yield return new RankedSuggestion(SuggestionTiers.Types, (double)dates.Evidence.DateLike / c.Count, Dates(c, dates));
        }

        if (c.Markers > 0 && !typed)
            yield return new RankedSuggestion(SuggestionTiers.Types, (double)c.Markers / (c.Count + c.Markers), RankedSuggestion.Make("null_markers", "type_fix",
                $"Turn the missing markers of {c.Name} into NULL",
                $"{N(c.Markers)} values of {c.Name} are missing markers ({markers.Describe()}); as text they count as values in queries, encodings and models.",
                new() { ["rows_nulled"] = c.Markers }, new TransformSpec("null_markers", c.Name, null, null, null, markers.Values)));
        if (t.Variants is { Any: true } v)
        {
            var best = RankedSuggestion.Make("normalize_text", "cleanup", $"Normalise the spellings of {c.Name} ({N(v.Raw)} raw values → {N(v.Normalized)})",
                $"{c.Name} has {N(v.Raw)} raw values for {N(v.Normalized)} categories: spellings differ only by case or surrounding spaces " +
                $"(e.g. {string.Join(", ", v.Examples.Select(e => $"'{e}'"))}); each becomes its most frequent spelling, trimmed.",
                new() { ["values_before"] = v.Raw, ["values_after"] = v.Normalized }, new TransformSpec("normalize_text", c.Name, null, null, "most_frequent"));
            var lower = RankedSuggestion.Make("normalize_text", "cleanup", $"Lower-case and trim {c.Name}", "Every value trimmed and lower-cased.",
                new() { ["values_before"] = v.Raw, ["values_after"] = v.Normalized }, new TransformSpec("normalize_text", c.Name, null, null, "lower"), "lower");
            yield return new RankedSuggestion(SuggestionTiers.Types, (double)(v.Raw - v.Normalized) / v.Raw, best with { Alternatives = [lower] });
        }
    }

    private static Suggestion Numbers(ColumnProfile c, NumberReading reading)
    {
        var e = reading.Evidence;
        Suggestion Reading(char separator, string? variant, string title)
        {
            var fits = e.Neutral + e.Ambiguous + (separator == ',' ? e.CommaDecimal : e.DotDecimal);
            var percent = e.Percent > 0 ? $" {N(e.Percent)} values carry '%' and are read as fractions (5% = 0.05)." : "";
            return RankedSuggestion.Make("to_number", "type_fix", title,
                $"{N(e.NumberLike)} of {N(c.Count)} values of {c.Name} are numbers stored as text; {reading.Statement}.{percent}",
                new() { ["parsed"] = fits, ["unparsed"] = e.Values - fits },
                new TransformSpec("to_number", c.Name, null, new Dictionary<string, double> { ["percent_scale"] = TransformOperations.DefaultPercentScale },
                    separator == ',' ? "," : "."), variant);
        }

        switch (reading.Status)
        {
            case "decided" or "integers":
                return Reading(reading.DecimalSeparator!.Value, null, $"Parse {c.Name} as numbers (decimal {NumberSyntax.Name(reading.DecimalSeparator!.Value)})");
            case "conflict" when reading.Majority is { } majority:
                var minority = majority == ',' ? '.' : ',';
                return Reading(majority, null, $"Parse {c.Name} as numbers with the majority convention (decimal {NumberSyntax.Name(majority)}); the other values become NULL") with
                {
                    Alternatives = [Reading(minority, minority == ',' ? "comma" : "dot", $"Parse {c.Name} as numbers with decimal {NumberSyntax.Name(minority)}")],
                };
            default:
                return RankedSuggestion.Make("to_number", "type_fix", $"Parse {c.Name} as numbers — choose the decimal separator first",
                    $"{N(e.NumberLike)} of {N(c.Count)} values of {c.Name} are numbers stored as text, but {reading.Statement}. Applying this suggestion asks for the choice; " +
                    "apply one of its alternatives once you know which the source uses.",
                    new() { ["ambiguous"] = e.Ambiguous }, new TransformSpec("to_number", c.Name)) with
                {
                    Alternatives =
                    [
                        Reading(',', "comma", $"Parse {c.Name} with ',' as the decimal separator ({e.AmbiguousReading(',')})"),
                        Reading('.', "dot", $"Parse {c.Name} with '.' as the decimal separator ({e.AmbiguousReading('.')})"),
                    ],
                };
        }
    }

    private static Suggestion Dates(ColumnProfile c, DateReading reading)
    {
        var e = reading.Evidence;
        Suggestion Reading(IReadOnlyList<string> formats, string? variant, string title, string why) =>
            RankedSuggestion.Make("parse_date", "type_fix", title, $"{N(e.DateLike)} of {N(c.Count)} values of {c.Name} are dates stored as text; {why}.",
                new() { ["date_like"] = e.DateLike, ["unparsed"] = e.Other }, new TransformSpec("parse_date", c.Name, null, null, null, formats), variant);
        if (reading.IsDecided)
            return Reading(reading.Formats, null, $"Parse {c.Name} as dates ({string.Join(", ", e.Shapes(reading.Order).Keys)})", reading.Statement);
        var dayFirst = With(e, "day-first").Formats;
        var monthFirst = With(e, "month-first").Formats;
        var alternatives = new List<Suggestion>
        {
            Reading(dayFirst, "day_first", $"Parse {c.Name} as dates, numeric ones day-first (DD/MM/YYYY)", reading.Statement),
            Reading(monthFirst, "month_first", $"Parse {c.Name} as dates, numeric ones month-first (MM/DD/YYYY)", reading.Statement),
        };
        if (reading.Status == "conflict" && reading.Majority is { } majority)
        {
            var main = Reading(majority == "day-first" ? dayFirst : monthFirst, null, $"Parse {c.Name} as dates, numeric ones {majority} (the majority); the others become NULL", reading.Statement);
            var kept = SuggestionIds.Of("parse_date", c.Name, majority == "day-first" ? "day_first" : "month_first");
            return main with { Alternatives = alternatives.Where(a => a.Id != kept).ToList() };
        }

        return RankedSuggestion.Make("parse_date", "type_fix", $"Parse {c.Name} as dates — choose day-first or month-first first",
            $"{N(e.DateLike)} of {N(c.Count)} values of {c.Name} are dates stored as text, but {reading.Statement}. Applying this suggestion asks for the choice; apply one of its alternatives.",
            new() { ["date_like"] = e.DateLike }, new TransformSpec("parse_date", c.Name)) with
        { Alternatives = alternatives };
    }

    // The formats the column would be read with under a given order of numeric dates.
    private static DateReading With(DateEvidence e, string order) =>
        (order == "day-first" ? e with { MonthFirst = 0, DayFirst = Math.Max(1, e.DayFirst) } : e with { DayFirst = 0, MonthFirst = Math.Max(1, e.MonthFirst) }).Decide();

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
