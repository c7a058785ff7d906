namespace McpFlow.Data.Reports;

/// <summary>The answer of generate_eda_report, inline or from its job: the text and the next steps.</summary>
public static class EdaReportText
{
    /// <summary>The summary, the files written and the counts.</summary>
    public static string Text(EdaReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"{r.Summary}\n\nReport '{r.Name}' written ({string.Join(", ", r.Files.Keys)}; {r.Charts.Count} charts; {r.Alerts} alerts; {r.Recommendations} recommendations) " +
               $"in {r.ElapsedMs / 1000:F1} s:\n" + string.Join("\n", r.Files.Select(f => $"- {f.Key}: {f.Value}"));
    }

    /// <summary>The answer's next steps (end of the text and the structured nextSteps, inline or from the job).</summary>
    public static List<string> NextSteps(EdaReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var steps = new List<string> { $"Read the report as resource mcpflow://data/reports/{r.Name}." };
        if (r.Recommendations > 0)
            steps.Add($"Apply its fixes: suggest_transformations (table=\"{r.Table}\"), then data_apply_transformation with a before/after preview.");
        return steps;
    }
}
