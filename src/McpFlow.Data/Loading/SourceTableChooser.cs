using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>Picks the table to read from a database file: the named one, or the only one. Names from the file and from
/// the client are shortened in messages (the file may be hostile; the client's text is never echoed at length).</summary>
internal static class SourceTableChooser
{
    /// <summary>Names listed in a message at most.</summary>
    private const int MaxListed = 50;

    /// <summary>Characters of one name shown at most.</summary>
    private const int MaxShown = 100;

    public static string Choose(IReadOnlyList<string> tables, string? requested, string file)
    {
        var name = Path.GetFileName(file);
        if (tables.Count == 0)
            throw McpFlowException.Invalid($"'{name}' contains no tables.");
        if (requested is null)
            return tables.Count == 1
                ? tables[0]
                : throw McpFlowException.Invalid($"'{name}' contains {tables.Count} tables.", $"Pass source_table, one of: {Listing(tables)}.");
        return tables.FirstOrDefault(t => string.Equals(t, requested, StringComparison.OrdinalIgnoreCase))
            ?? throw McpFlowException.NotFound($"Table '{Short(requested)}' is not in '{name}'.", $"Tables: {Listing(tables)}.");
    }

    private static string Listing(IReadOnlyList<string> tables) =>
        string.Join(", ", tables.Take(MaxListed).Select(Short)) + (tables.Count > MaxListed ? $", … ({tables.Count:N0} in all)" : "");

    private static string Short(string text) => text.Length <= MaxShown ? text : text[..MaxShown] + "…";
}
