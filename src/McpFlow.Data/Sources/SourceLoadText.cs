using System.Text;

namespace McpFlow.Data.Sources;

/// <summary>The text of a source load: what was read, how many rows, and every column's type mapping.</summary>
public static class SourceLoadText
{
    /// <summary>Columns whose mapping is listed in the text at most (the structured content has all).</summary>
    public const int MaxListedColumns = 100;

    /// <summary>Renders <paramref name="r"/>.</summary>
    public static string Render(SourceLoadResult r)
    {
        var text = new StringBuilder();
        text.AppendLine($"Loaded {r.Rows:N0} rows from source '{r.Source}' ({r.Kind}), {r.Read}, into table '{r.Table}' ({r.Status}).");
        if (r.LimitReached)
            text.AppendLine($"The limit of {r.Rows:N0} rows was reached: the source may hold more.");
        if (r.Sample is not null)
            text.AppendLine($"Sampled: {r.Sample}.");
        foreach (var replaced in r.Replaced)
            text.AppendLine($"Replaced: {replaced}.");
        text.AppendLine("Type mapping (source → workspace):");
        foreach (var c in r.Columns.Take(MaxListedColumns))
            text.AppendLine($"- {c.Name}: {c.SourceType} → {c.WorkspaceType}" + (c.Note is null ? "" : $" ({c.Note})"));
        if (r.Columns.Count > MaxListedColumns)
            text.AppendLine($"- … {r.Columns.Count - MaxListedColumns:N0} more columns in the structured content.");
        return text.ToString().TrimEnd();
    }

    /// <summary>What to do next.</summary>
    public static IReadOnlyList<string> NextSteps(SourceLoadResult r) =>
        [$"Call data_describe_table with table '{r.Table}' to see its columns and sample rows, or analyze_dataframe to profile it."];
}
