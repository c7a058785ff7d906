using System.Globalization;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Storage;

/// <summary>
/// The one quoting helper for SQL that McpFlow builds itself. Every value that did not come from a constant in
/// our own code (a table or column name, a path, a client string) enters SQL through one of these methods or as a
/// bound parameter, never by plain interpolation. Client-written SQL is never quoted here: it goes through the
/// data group's SQL guard.
/// </summary>
public static class SqlQuote
{
    /// <summary>Quotes an identifier: <c>a"b</c> becomes <c>"a""b"</c>. Refuses empty names and NUL characters.</summary>
    public static string Id(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
            throw McpFlowException.Invalid("An empty name cannot be used as a table or column name.");
        RefuseNul(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quotes a MySQL/MariaDB identifier: <c>a`b</c> becomes <c>`a``b`</c> (without ANSI_QUOTES, "x" is a string
    /// there). Refuses empty names and NUL characters.</summary>
    public static string MySqlId(string name)
    {
        Id(name);
        return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    /// <summary>Quotes a qualified name: <c>("schema", "table")</c> becomes <c>"schema"."table"</c>.</summary>
    public static string Qualified(string schema, string name) => Id(schema) + "." + Id(name);

    /// <summary>Quotes a string literal: <c>it's</c> becomes <c>'it''s'</c>. Refuses NUL characters.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RefuseNul(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A finite double as a SQL literal (invariant culture, round-trippable); NaN and infinities are refused.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
            throw McpFlowException.Invalid($"The number {value.ToString(CultureInfo.InvariantCulture)} cannot be used here; give a finite number.");
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer as a SQL literal.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A keyword chosen from a closed list (a date part, a join type, a sort direction): returns the list's own
    /// spelling of <paramref name="value"/> or refuses it, naming <paramref name="field"/> and the allowed values.
    /// </summary>
    public static string Keyword(string value, IReadOnlyCollection<string> allowed, string field)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
                return candidate;
        }

        throw McpFlowException.Invalid($"{field} '{Shorten(value)}' is not allowed; use one of: {string.Join(", ", allowed)}.");
    }

    private static void RefuseNul(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
            throw McpFlowException.Invalid("A name or value contains a NUL character, which SQL cannot hold.");
    }

    private static string Shorten(string? value) =>
        value is null ? "(null)" : value.Length <= 40 ? value : value[..40] + "…";
}
