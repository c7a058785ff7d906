using System.Text.RegularExpressions;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Storage;

/// <summary>Table names: checking a client-given name and deriving one from a file name. Quoting is <see cref="McpFlow.Core.Storage.SqlQuote"/>.</summary>
public static partial class SqlText
{
    /// <summary>Longest table name accepted (DuckDB has no hard limit; this keeps names readable).</summary>
    public const int MaxTableNameLength = 63;

    /// <summary>Checks a client-given table name: letters, digits and underscores, starting with a letter or underscore.</summary>
    public static string ValidateTableName(string name, string parameterName = "table")
    {
        if (string.IsNullOrWhiteSpace(name) || !TableNamePattern().IsMatch(name))
            throw McpFlowException.Invalid(
                $"{parameterName} '{name}' is not a valid table name.",
                $"Use letters, digits and underscores, starting with a letter, at most {MaxTableNameLength} characters, e.g. \"customers\".");
        if (name.StartsWith("mcpflow", StringComparison.OrdinalIgnoreCase) || name.StartsWith("duckdb", StringComparison.OrdinalIgnoreCase))
            throw McpFlowException.Invalid($"{parameterName} '{name}' uses a reserved prefix (mcpflow, duckdb).", "Choose another name, e.g. \"customers\".");
        return name;
    }

    /// <summary>Derives a table name from a file name: <c>Customer Data-2024.csv</c> becomes <c>customer_data_2024</c>.</summary>
    public static string TableNameFromFile(string path)
    {
        var stem = Path.GetFileName(path);
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
            stem = stem[..dot];
        var chars = stem.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var name = NonWord().Replace(new string(chars), "_").Trim('_');
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
            name = "t_" + name;
        if (name.StartsWith("mcpflow", StringComparison.Ordinal) || name.StartsWith("duckdb", StringComparison.Ordinal))
            name = "t_" + name;
        return name.Length > MaxTableNameLength ? name[..MaxTableNameLength] : name;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}\\z")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("_+")]
    private static partial Regex NonWord();
}
