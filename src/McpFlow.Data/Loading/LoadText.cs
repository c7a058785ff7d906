using System.Text;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>The readable summary of a load.</summary>
public static class LoadText
{
    /// <summary>E.g. "Loaded customers: 10,000 rows × 8 columns from customers.csv (csv; delimiter ',', header true)".</summary>
    public static string Render(LoadResult result)
    {
        var verb = result.Status switch { "created" => "Loaded", "refreshed" => "Reloaded", _ => "Unchanged (file not modified since the last load):" };
        var text = new StringBuilder();
        var files = result.Files > 1 ? $"{result.Files} files matching {result.Source}" : Path.GetFileName(result.Source);
        text.AppendLine($"{verb} table '{result.Table}': {result.Rows:N0} rows × {result.Columns.Count} columns from {files} ({result.Format}).");
        if (result.Detected.Count > 0)
            text.AppendLine("Detected: " + string.Join(", ", result.Detected.Select(d => $"{d.Key} {d.Value}")) + ".");
        text.AppendLine("Columns: " + string.Join(", ", result.Columns.Select(c => $"{c.Name} ({c.Type})")) + ".");
        foreach (var warning in result.Warnings)
            text.AppendLine("Warning: " + warning);
        if (result.Sample.Count > 0)
            text.AppendLine().Append(MarkdownTable.Render(result.Columns, result.Sample));
        return text.ToString().TrimEnd();
    }
}
