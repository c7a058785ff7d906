using System.Globalization;

namespace McpFlow.Data.Parsing;

/// <summary>What a text column's values say about how its numbers are written (counts of non-missing values).</summary>
/// <param name="Values">Non-missing values (missing markers excluded).</param>
/// <param name="NumberLike">Values of the number shape (<see cref="NumberSyntax.Pattern"/>).</param>
/// <param name="DotDecimal">Number-like values that read only with '.' as the decimal separator, e.g. "12.50", "1,281.28".</param>
/// <param name="CommaDecimal">Number-like values that read only with ',' as the decimal separator, e.g. "262,27", "1.281,28".</param>
/// <param name="Ambiguous">Values that read both ways with different results, e.g. "1,234" (1234 or 1.234).</param>
/// <param name="Malformed">Number-like values that read under neither convention, e.g. "1.2.3,4,5".</param>
/// <param name="Percent">Number-like values with a '%' sign.</param>
/// <param name="Currency">Number-like values with a currency sign or code.</param>
/// <param name="Currencies">The currency signs seen, e.g. "€", comma-separated; null when none.</param>
/// <param name="LeadingZeros">Values that are digits with a leading zero, e.g. "01234" (codes, not numbers).</param>
/// <param name="DigitsOnly">Values that are digits and nothing else.</param>
/// <param name="Examples">A few values of each kind that matters, by kind: ambiguous, dot, comma, malformed, text.</param>
public sealed record NumberEvidence(long Values, long NumberLike, long DotDecimal, long CommaDecimal, long Ambiguous, long Malformed,
    long Percent, long Currency, string? Currencies, long LeadingZeros, long DigitsOnly, IReadOnlyDictionary<string, string> Examples)
{
    /// <summary>Values that are not numbers at all (text such as "abc").</summary>
    public long NotNumbers => Values - NumberLike;

    /// <summary>Number-like values that read the same under both conventions (plain or space-grouped integers).</summary>
    public long Neutral => NumberLike - DotDecimal - CommaDecimal - Ambiguous - Malformed;

    /// <summary>Decides the decimal separator: values that read only one way decide it; with none, ambiguous values
    /// make the column ambiguous (never guessed), and integers alone need no decision.</summary>
    public NumberReading Decide()
    {
        if (DotDecimal > 0 && CommaDecimal > 0)
            return new NumberReading("conflict", null,
                $"both conventions occur: {N(CommaDecimal)} values read only with ',' as the decimal separator{Ex("comma")} and {N(DotDecimal)} only with '.'{Ex("dot")}", this);
        if (CommaDecimal > 0 || DotDecimal > 0)
        {
            var comma = CommaDecimal > 0;
            var thousands = comma ? "'.'" : "','";
            var text = $"decimal separator {NumberSyntax.Name(comma ? ',' : '.')}, thousands separator {thousands} or a space, decided by {N(comma ? CommaDecimal : DotDecimal)} values " +
                       $"that read only this way{Ex(comma ? "comma" : "dot")}";
            if (Ambiguous > 0)
                text += $"; {N(Ambiguous)} values such as {Quote("ambiguous")}, which alone could read either way, are read under it too";
            return new NumberReading("decided", comma ? ',' : '.', text + Extras(), this);
        }

        if (Ambiguous > 0)
            return new NumberReading("ambiguous", null,
                $"{N(Ambiguous)} values such as {Quote("ambiguous")} read as thousands ({AmbiguousReading(AmbiguousMark == ',' ? '.' : ',')}) if the separator groups digits, or as decimals " +
                $"({AmbiguousReading(AmbiguousMark)}) if it is the decimal separator, and no value decides between the two ({N(Neutral)} others are plain integers)", this);
        return new NumberReading("integers", '.', $"{N(Neutral)} values are integers without a decimal separator" + Extras(), this);
    }

    private string Extras()
    {
        var parts = new List<string>();
        if (Percent > 0)
            parts.Add($"{N(Percent)} carry '%'");
        if (Currency > 0)
            parts.Add($"{N(Currency)} carry a currency sign ({Currencies}), dropped");
        if (Malformed + NotNumbers > 0)
            parts.Add($"{N(Malformed + NotNumbers)} are not numbers under it{Ex("malformed")}{Ex("text")} and become NULL");
        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }

    /// <summary>How the first ambiguous example reads when <paramref name="decimalSeparator"/> is the decimal separator,
    /// e.g. "'1.250' = 1.25" for '.' and "'1.250' = 1250" for ','; a made-up "'1,234'" when there is no example.</summary>
    public string AmbiguousReading(char decimalSeparator)
    {
        var example = AmbiguousExample;
        var mark = AmbiguousMark;
        var number = new string(example.Where(c => char.IsAsciiDigit(c) || c == mark || c == '-').ToArray());
        number = mark == decimalSeparator ? number.Replace(mark, '.') : number.Replace(mark.ToString(), "", StringComparison.Ordinal);
        var shown = double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.###############", CultureInfo.InvariantCulture)
            : number;
        return $"'{example}' = {shown}";
    }

    // The first ambiguous value, without its quotes, and the separator it is written with.
    private string AmbiguousExample => Examples.TryGetValue("ambiguous", out var value) ? value.Split(" or ")[0].Trim('\'') : "1,234";

    private char AmbiguousMark => AmbiguousExample.Contains(',', StringComparison.Ordinal) ? ',' : '.';

    private string Ex(string kind) => Examples.TryGetValue(kind, out var value) ? $" (e.g. {value})" : "";

    private string Quote(string kind) => Examples.TryGetValue(kind, out var value) ? value : "'1,234'";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
