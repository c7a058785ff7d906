using McpFlow.Core.Errors;
using McpFlow.Core.Storage;

namespace McpFlow.Data.Parsing;

/// <summary>
/// Text values that stand for a missing value ("N/A", "-", "NULL", a blank cell, ...). A value is a marker when,
/// after trimming spaces, tabs, line breaks and no-break spaces, it equals one of <see cref="Values"/> exactly
/// (case-sensitive: "NA" is a marker, "Na" is not). Markers become NULL when a file is loaded and count as missing
/// when a table is profiled or transformed, so they are never a minimum, a top value or a fill value.
/// </summary>
public sealed class MissingMarkers
{
    /// <summary>The default set: blank (empty after trimming), N/A, n/a, NA, -, --, NULL, null, None and ?. These are
    /// the spellings spreadsheet and database exports use for "no value" (pandas' read_csv default list shares all but
    /// "-", "--" and "?", which hand-made European tables use for the same purpose).</summary>
    public static readonly IReadOnlyList<string> DefaultValues = ["", "N/A", "n/a", "NA", "-", "--", "NULL", "null", "None", "?"];

    /// <summary>Most markers a client may configure (a list longer than this is not a marker list).</summary>
    public const int MaxCount = 50;

    /// <summary>Longest marker a client may configure, in characters.</summary>
    public const int MaxLength = 40;

    /// <summary>Characters trimmed before a value is compared with the markers.</summary>
    public static readonly char[] Blanks = [' ', '\t', '\r', '\n', '\u00A0', '\u202F'];

    private readonly HashSet<string> _set;

    private MissingMarkers(IReadOnlyList<string> values)
    {
        Values = values;
        _set = new HashSet<string>(values, StringComparer.Ordinal);
    }

    /// <summary>The default set (<see cref="DefaultValues"/>).</summary>
    public static MissingMarkers Default { get; } = new(DefaultValues);

    /// <summary>No markers: every text value is a value.</summary>
    public static MissingMarkers None { get; } = new([]);

    /// <summary>The markers, trimmed, without repeats.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>True when nothing is a marker.</summary>
    public bool IsEmpty => Values.Count == 0;

    /// <summary>The set a client configured: null means <see cref="Default"/>, an empty list means <see cref="None"/>.
    /// Refuses lists longer than <see cref="MaxCount"/> or markers longer than <see cref="MaxLength"/>, naming
    /// <paramref name="parameter"/>.</summary>
    public static MissingMarkers From(IReadOnlyList<string?>? values, string parameter)
    {
        if (values is null)
            return Default;
        if (values.Count > MaxCount)
            throw McpFlowException.Invalid($"{parameter} has {values.Count} entries; at most {MaxCount} are accepted.", "Pass only the spellings this file uses for a missing value, e.g. [\"N/A\", \"-\"].");
        var trimmed = new List<string>();
        foreach (var value in values)
        {
            var text = (value ?? "").Trim(Blanks);
            if (text.Length > MaxLength)
                throw McpFlowException.Invalid($"{parameter} holds a marker of {text.Length} characters; markers are at most {MaxLength}.", "E.g. [\"N/A\", \"-\", \"\"].");
            if (!trimmed.Contains(text, StringComparer.Ordinal))
                trimmed.Add(text);
        }

        return trimmed.Count == 0 ? None : new MissingMarkers(trimmed);
    }

    /// <summary>True when <paramref name="text"/> is a marker.</summary>
    public bool IsMarker(string? text) => text is not null && _set.Contains(text.Trim(Blanks));

    /// <summary>SQL that is true when the VARCHAR expression <paramref name="text"/> is a marker (never true for NULL).</summary>
    public string Predicate(string text) =>
        IsEmpty ? "false" : $"coalesce({Trimmed(text)} IN ({string.Join(", ", Values.Select(SqlQuote.Literal))}), false)";

    /// <summary>SQL for <paramref name="text"/> with markers turned into NULL.</summary>
    public string Nulled(string text) => IsEmpty ? text : $"CASE WHEN {Predicate(text)} THEN NULL ELSE {text} END";

    /// <summary>SQL trimming <paramref name="text"/> the way markers are compared.</summary>
    public static string Trimmed(string text) => $"trim({text}, {BlanksLiteral()})";

    /// <summary>The markers for messages, e.g. <c>'' (blank), 'N/A', '-'</c>.</summary>
    public string Describe() =>
        IsEmpty ? "none" : string.Join(", ", Values.Select(v => v.Length == 0 ? "'' (blank)" : $"'{v}'"));

    private static string BlanksLiteral() => SqlQuote.Literal(new string(Blanks));
}
