using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>Picks the table to read from a database file: the named one, or the only one.</summary>
internal static class SourceTableChooser
{
    public static string Choose(IReadOnlyList<string> tables, string? requested, string file)
    {
        var name = Path.GetFileName(file);
        if (tables.Count == 0)
            throw McpFlowException.Invalid($"'{name}' contains no tables.");
        if (requested is null)
            return tables.Count == 1
                ? tables[0]
                : throw McpFlowException.Invalid($"'{name}' contains {tables.Count} tables.", $"Pass source_table, one of: {string.Join(", ", tables)}.");
        return tables.FirstOrDefault(t => string.Equals(t, requested, StringComparison.OrdinalIgnoreCase))
            ?? throw McpFlowException.NotFound($"Table '{requested}' is not in '{name}'.", $"Tables: {string.Join(", ", tables)}.");
    }
}
