using System.Text.RegularExpressions;

namespace McpFlow.Security.Tests.Checks;

/// <summary>What an answer must never contain (issue 11, error containment): .NET exception type names such as
/// "JsonException", stack-trace lines, source locations, or the SDK's bare "An error occurred."; and how to tell
/// whether an error names a parameter.</summary>
internal static partial class ErrorText
{
    /// <summary>The raw text found, or null when the answer is clean.</summary>
    public static string? RawError(string text)
    {
        // Cheap ordinal scans first: answers can be megabytes, and almost none holds any of these.
        if (!text.Contains("Exception", StringComparison.Ordinal) && !text.Contains("at ", StringComparison.Ordinal)
            && !text.Contains(".cs:line", StringComparison.Ordinal) && !text.Contains("stack trace", StringComparison.Ordinal))
            return text.Trim() is "An error occurred." or "An error occurred" ? "bare 'An error occurred.'" : null;
        var match = ExceptionType().Match(text);
        if (match.Success)
            return match.Value;
        match = StackFrame().Match(text);
        if (match.Success)
            return match.Value;
        return text.Trim() is "An error occurred." or "An error occurred" ? "bare 'An error occurred.'" : null;
    }

    /// <summary>True when <paramref name="text"/> is the error filter's containment of an unexpected failure,
    /// "tool failed: SomeException (log id 1a2b3c4d)": the type is named on purpose, the message and stack are not.</summary>
    public static bool IsContainedFailure(string text) => ContainedFailure().IsMatch(text);

    /// <summary>True when <paramref name="text"/> names <paramref name="parameter"/> as a whole word (so "table" is not
    /// found inside "source_table").</summary>
    public static bool Names(string text, string parameter) =>
        Regex.IsMatch(text, $"(?<![A-Za-z0-9_]){Regex.Escape(parameter)}(?![A-Za-z0-9_])");

    // Bounded repetitions: an answer may hold a 1 MB run of letters (an echoed argument), which an unbounded
    // [A-Za-z0-9]* would backtrack over quadratically.
    [GeneratedRegex(@"\b(?:System\.|Microsoft\.|DuckDB\.)?[A-Z][A-Za-z0-9]{0,60}Exception\b")]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"failed: [A-Za-z0-9.]{1,100}Exception \(log id [0-9a-f]{4,32}\)")]
    private static partial Regex ContainedFailure();

    [GeneratedRegex(@"(?m)(^[ \t]{0,8}at [\w.`<>\[\]]{1,300}\(|\.cs:line \d+|--- End of (inner exception )?stack trace)")]
    private static partial Regex StackFrame();
}
