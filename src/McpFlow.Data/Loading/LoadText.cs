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

    /// <summary>What to do with the loaded table next (the answer's next steps, after <see cref="Render"/>): profile it,
    /// query it, and fix the load first when rows were skipped or values could not be read.</summary>
    public static IReadOnlyList<string> NextSteps(LoadResult result)
    {
        var steps = new List<string>();
        if (result.Warnings.Count > 0)
            steps.Add("Check the warnings above; data_load again with delimiter, encoding or missing_markers if the columns look wrong.");
        steps.Add($"Profile the table with analyze_dataframe (table=\"{result.Table}\"), or get fixes with suggest_transformations.");
        steps.Add($"Query it with data_query, e.g. SELECT * FROM \"{result.Table}\" LIMIT 10.");
        return steps;
    }
}
