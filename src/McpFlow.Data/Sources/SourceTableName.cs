using System.Text.RegularExpressions;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Sources;

/// <summary>A source table named as <c>table</c> or <c>schema.table</c>, each part a plain identifier (letters, digits,
/// <c>_</c>, <c>$</c>, <c>-</c>, spaces; 1-63 characters). It is quoted when used and looked up in information_schema first.</summary>
/// <param name="Schema">Schema, or null for the search path's first match.</param>
/// <param name="Name">Table or view name.</param>
public sealed partial record SourceTableName(string? Schema, string Name)
{
    /// <summary>Parses and validates <paramref name="text"/>.</summary>
    public static SourceTableName Parse(string text, string parameter = "source_table")
    {
        var parts = text.Trim().Split('.');
        if (parts.Length > 2 || !parts.All(p => Part().IsMatch(p)))
            throw McpFlowException.Invalid(
                $"{parameter} '{(text.Length <= 130 ? text : text[..130] + "…")}' is not a table name: give table or schema.table, each 1-63 letters, digits, '_', '$', '-' or spaces.",
                "Call data_list_sources with the source to see its tables.");
        return parts.Length == 2 ? new SourceTableName(parts[0], parts[1]) : new SourceTableName(null, parts[0]);
    }

    /// <inheritdoc />
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{N}_$ -]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
