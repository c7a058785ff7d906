using System.Text;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Generation;

/// <summary>Readable summary of a spec.</summary>
public static class SpecText
{
    /// <summary>Markdown: task, findings, steps with explanations, split, candidates and metrics.</summary>
    public static string Markdown(PipelineSpec spec, string specId)
    {
        var text = new StringBuilder();
        text.AppendLine($"Pipeline {specId} (spec v{spec.SpecVersion}) for '{spec.Table}': task {TaskNames.Name(spec.Task)}" +
            (spec.Target is null ? "" : $", target '{spec.Target}'") + (spec.TimeColumn is null ? "" : $", time '{spec.TimeColumn}'") +
            (spec.Task == PipelineTask.Forecasting ? $", horizon {spec.Horizon}" : "") + $", {spec.RowCount} rows.");
        if (spec.Classes.Count > 0)
            text.AppendLine($"Classes: {string.Join(", ", spec.Classes)}.");
        text.AppendLine($"Features: {string.Join(", ", spec.FeatureColumns.Select(c => $"{c.Name} ({c.Encoding})").DefaultIfEmpty("none from other columns"))}.");
        if (spec.Findings.Count > 0)
        {
            text.AppendLine("\nValidation:");
            foreach (var f in spec.Findings)
                text.AppendLine($"- [{f.Severity}] {f.Message}");
        }

        text.AppendLine("\nSteps:");
        foreach (var (step, i) in spec.Steps.Select((s, i) => (s, i + 1)))
            text.AppendLine($"{i}. {step.Name}{(step.Optional ? " (optional)" : "")}: {step.Explanation}");
        text.AppendLine($"\nCandidates: {string.Join(", ", spec.Candidates)}.");
        text.AppendLine($"Metrics: {string.Join(", ", spec.Metrics)} (ranked by {spec.PrimaryMetric}).");
        text.Append($"Next: pipeline_compare_models with spec=\"{specId}\", or evaluate_pipeline_steps to see what each step adds.");
        return text.ToString();
    }
}
