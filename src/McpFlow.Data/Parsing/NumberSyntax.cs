using System.Globalization;
using McpFlow.Core.Storage;

namespace McpFlow.Data.Parsing;

/// <summary>
/// How numbers written as text are recognised and read, as DuckDB SQL (RE2 regular expressions). A value is
/// number-like when, after trimming, it is an optional '(' , sign and currency (€ $ £ ¥ ₹ EUR USD GBP CHF, before or
/// after), digits with '.', ',', space, no-break space or apostrophe inside, an optional '%' and the matching ')'.
/// Which of '.' and ',' is the decimal separator is decided per column (<see cref="NumberEvidence.Decide"/>); the
/// digits are then read under that convention only, and a value that does not fit it becomes NULL and is counted.
/// </summary>
public static class NumberSyntax
{
    /// <summary>The whole value, with its parts as groups open, sign, currency, sign, core, currency, percent, close.</summary>
    public const string Pattern =
        @"^(\()?([+-])?(\x{20AC}|\$|\x{A3}|\x{A5}|\x{20B9}|EUR|USD|GBP|CHF)?\s*([+-])?([0-9][0-9.,' \x{A0}\x{202F}]*[0-9]|[0-9]|[.,][0-9]+)\s*(\x{20AC}|\$|\x{A3}|\x{A5}|\x{20B9}|EUR|USD|GBP|CHF)?\s*(%)?(\))?$";

    /// <summary>Digits as written with '.' as the decimal separator: plain, with a decimal part, or grouped by ',',
    /// space or apostrophe in threes (the first group 1-3 digits, not starting with 0).</summary>
    public const string DotDecimalCore =
        @"[0-9]+(\.[0-9]+)?|\.[0-9]+|[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?|[1-9][0-9]{0,2}([ '\x{A0}\x{202F}][0-9]{3})+(\.[0-9]+)?";

    /// <summary>Digits as written with ',' as the decimal separator (groups of three by '.', space or apostrophe).</summary>
    public const string CommaDecimalCore =
        @"[0-9]+(,[0-9]+)?|,[0-9]+|[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?|[1-9][0-9]{0,2}([ '\x{A0}\x{202F}][0-9]{3})+(,[0-9]+)?";

    /// <summary>Digits that read differently under the two conventions: one separator followed by exactly three
    /// digits, e.g. "1,234" (1234 or 1.234) and "1.234".</summary>
    public const string AmbiguousCore = "[1-9][0-9]{0,2}[.,][0-9]{3}";

    /// <summary>Digits with a leading zero and nothing else, e.g. "01234": a code (postal code, id), not a number.</summary>
    public const string LeadingZeroValue = "0[0-9]+";

    /// <summary>Digits and nothing else.</summary>
    public const string DigitsValue = "[0-9]+";

    /// <summary>SQL for the groups of <see cref="Pattern"/> in the VARCHAR expression <paramref name="text"/>, as a
    /// struct with fields open, sign, cur1, sign2, core, cur2, pct, close (all '' when the value is not number-like).</summary>
    public static string Groups(string text) =>
        $"regexp_extract({text}, {SqlQuote.Literal(Pattern)}, ['open', 'sign', 'cur1', 'sign2', 'core', 'cur2', 'pct', 'close'])";

    /// <summary>SQL that is true when the groups struct <paramref name="g"/> holds a number-like value (balanced parentheses).</summary>
    public static string IsNumberLike(string g) => $"({g}.core <> '' AND ({g}.open = '') = ({g}.close = ''))";

    /// <summary>SQL that is true when the core of <paramref name="g"/> reads with <paramref name="decimalSeparator"/>.</summary>
    public static string FitsCore(string g, char decimalSeparator) =>
        $"regexp_full_match({g}.core, {SqlQuote.Literal(decimalSeparator == ',' ? CommaDecimalCore : DotDecimalCore)})";

    /// <summary>
    /// SQL reading the VARCHAR expression <paramref name="text"/> as a DOUBLE with <paramref name="decimalSeparator"/>
    /// as the decimal separator (the other of '.' and ',' and spaces/apostrophes as thousands separators). A value with
    /// '%' is multiplied by <paramref name="percentScale"/> (0.01 reads 5% as 0.05); '(' ')' and '-' make it
    /// negative; currency signs are dropped. NULL when the value does not fit the convention.
    /// </summary>
    public static string Parse(string text, char decimalSeparator, double percentScale)
    {
        const string g = "mcpflow_number";
        var strip = decimalSeparator == ',' ? "[^0-9,]" : "[^0-9.]";
        var value = $"TRY_CAST(replace(regexp_replace({g}.core, {SqlQuote.Literal(strip)}, '', 'g'), ',', '.') AS DOUBLE)";
        var sign = $"(CASE WHEN {g}.open = '(' OR {g}.sign = '-' OR {g}.sign2 = '-' THEN -1 ELSE 1 END)";
        var percent = $"(CASE WHEN {g}.pct = '%' THEN {SqlQuote.Number(percentScale)} ELSE 1 END)";
        return $"list_transform([{Groups(text)}], lambda {g}: CASE WHEN {IsNumberLike(g)} AND {FitsCore(g, decimalSeparator)} " +
               $"THEN {sign} * {value} * {percent} END)[1]";
    }

    /// <summary>The separator as it is named in messages, e.g. "',' (comma)".</summary>
    public static string Name(char separator) => separator switch
    {
        ',' => "',' (comma)",
        '.' => "'.' (point)",
        _ => "'" + separator.ToString(CultureInfo.InvariantCulture) + "'",
    };
}
