using McpFlow.Core.Storage;

namespace McpFlow.Data.Parsing;

/// <summary>
/// The date shapes recognised in text columns, each with the strptime formats that read it (DuckDB's
/// <c>try_strptime</c>; month names in English, any case, abbreviated or full). Numeric day/month/year dates
/// (<c>03/04/2024</c>, <c>03.04.2024</c>, <c>03-04-2024</c>) are read day-first or month-first as decided per column
/// (<see cref="DateEvidence.Decide"/>).
/// </summary>
public static class DateSyntax
{
    /// <summary>Year first with dashes, e.g. 2024-03-25.</summary>
    public const string Iso = @"\d{4}-\d{1,2}-\d{1,2}";

    /// <summary>Year first with slashes, e.g. 2024/03/25.</summary>
    public const string IsoSlash = @"\d{4}/\d{1,2}/\d{1,2}";

    /// <summary>Day and month as numbers before a four-digit year, either order, e.g. 25/03/2024 or 03.25.2024.</summary>
    public const string Numeric = @"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}";

    /// <summary>Numeric dates whose first field can only be a day (13-31) and whose second can be a month.</summary>
    public const string DayFirstOnly = @"(1[3-9]|2[0-9]|3[01])[/.-](0?[1-9]|1[0-2])[/.-]\d{4}";

    /// <summary>Numeric dates whose second field can only be a day (13-31) and whose first can be a month.</summary>
    public const string MonthFirstOnly = @"(0?[1-9]|1[0-2])[/.-](1[3-9]|2[0-9]|3[01])[/.-]\d{4}";

    /// <summary>Month name first, e.g. "Jan 05, 2024", "March 5 2024".</summary>
    public const string MonthNameFirst = @"(?i)[a-z]{3,9}\.? \d{1,2},? \d{4}";

    /// <summary>Day first, then the month name, e.g. "05 Jan 2024", "5-Mar-2024".</summary>
    public const string DayMonthName = @"(?i)\d{1,2}[ -][a-z]{3,9}\.?[ -]\d{4}";

    /// <summary>One cheap test for "could be a date in any of the shapes" (the per-shape counts run only when it matched).</summary>
    public const string AnyDate = @"(?i)\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}[ -][a-z]{3,9}\.?[ -]\d{4}";

    /// <summary>Formats for <see cref="Iso"/>.</summary>
    public static readonly IReadOnlyList<string> IsoFormats = ["%Y-%m-%d"];

    /// <summary>Formats for <see cref="IsoSlash"/>.</summary>
    public static readonly IReadOnlyList<string> IsoSlashFormats = ["%Y/%m/%d"];

    /// <summary>Formats for day-first numeric dates.</summary>
    public static readonly IReadOnlyList<string> DayFirstFormats = ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"];

    /// <summary>Formats for month-first numeric dates.</summary>
    public static readonly IReadOnlyList<string> MonthFirstFormats = ["%m/%d/%Y", "%m.%d.%Y", "%m-%d-%Y"];

    /// <summary>Formats for <see cref="MonthNameFirst"/>.</summary>
    public static readonly IReadOnlyList<string> MonthNameFirstFormats = ["%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%b. %d, %Y"];

    /// <summary>Formats for <see cref="DayMonthName"/>.</summary>
    public static readonly IReadOnlyList<string> DayMonthNameFormats = ["%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%B-%Y", "%d %b. %Y"];

    /// <summary>Most formats accepted in one parse_date.</summary>
    public const int MaxFormats = 20;

    /// <summary>Longest format accepted, in characters.</summary>
    public const int MaxFormatLength = 40;

    /// <summary>SQL reading the VARCHAR expression <paramref name="text"/> as a DATE with the first of <paramref name="formats"/>
    /// that fits (NULL when none does).</summary>
    public static string Parse(string text, IReadOnlyList<string> formats) =>
        $"try_strptime({text}, [{string.Join(", ", formats.Select(SqlQuote.Literal))}])::DATE";

    /// <summary>SQL that is true when <paramref name="text"/> fully matches <paramref name="pattern"/>.</summary>
    public static string Matches(string text, string pattern) => $"regexp_full_match({text}, {SqlQuote.Literal(pattern)})";
}
