using System.Text;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Presentation;

/// <summary>The Markdown card that presents a run: what ran, key outputs, self-review, interpretation, recommendation.</summary>
public static class RunCard
{
    /// <summary>Figures returned as images with a card, at most (keeps a chat message light).</summary>
    public const int MaxFigures = 4;

    /// <summary>Largest figure returned as an image (2 MiB).</summary>
    public const long MaxFigureBytes = 2L << 20;

    /// <summary>CSV/TSV outputs previewed on a card, at most.</summary>
    public const int MaxTablePreviews = 2;

    /// <summary>Rows and columns shown in a table preview.</summary>
    public const int PreviewRows = 5, PreviewColumns = 8;

    /// <summary>The first <see cref="PreviewRows"/> rows and <see cref="PreviewColumns"/> columns of a CSV/TSV as a Markdown table.</summary>
    public static string TablePreview(string path)
    {
        var separator = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        var lines = File.ReadLines(path).Take(PreviewRows + 1).Select(l => Review.CsvLine.Split(l, separator).Take(PreviewColumns).ToList()).ToList();
        if (lines.Count == 0)
            return "_(empty)_\n";
        var text = new StringBuilder()
            .AppendLine("| " + string.Join(" | ", lines[0].Select(Markdown.Cell)) + " |")
            .AppendLine("|" + string.Concat(lines[0].Select(_ => "---|")));
        foreach (var row in lines.Skip(1))
            text.AppendLine("| " + string.Join(" | ", row.Select(Markdown.Cell)) + " |");
        return text.ToString();
    }

    /// <summary>The card's Markdown.</summary>
    public static string Render(RunSnapshot run)
    {
        var m = run.Manifest;
        var text = new StringBuilder()
            .AppendLine($"## {m.Title}")
            .AppendLine($"**Run** `{m.RunId}` · **state** {m.State.Name()} · attempt {m.Attempt}" + (m.Experiment is null ? "" : $" · experiment `{m.Experiment}`"))
            .AppendLine()
            .AppendLine("### What ran")
            .AppendLine($"- Tool `{m.Tool}` ({m.Kind}), started {m.StartedAt:u}" + (m.DurationSeconds is { } d ? $", took {d:F1} s" : ""));
        if (m.Parameters is not null)
            text.AppendLine($"- Parameters: `{m.Parameters.ToJsonString()}`");
        foreach (var input in m.Inputs)
            text.AppendLine($"- Input {input.Name}" + (input.Sha256 is null ? "" : $" (sha256 {input.Sha256[..12]}…)"));
        if (m.AddressesFeedback is not null)
            text.AppendLine($"- This attempt addresses the feedback: \"{m.AddressesFeedback}\"");
        if (m.Error is not null)
            text.AppendLine($"- **Failed:** {m.Error}");

        if (m.Metrics.Count > 0)
        {
            text.AppendLine().AppendLine("### Key metrics").AppendLine("| metric | value |").AppendLine("|---|---|");
            foreach (var (name, value) in m.Metrics)
                text.AppendLine($"| {Markdown.Cell(name)} | {Markdown.Number(value)} |");
        }

        if (m.Outputs.Count > 0)
        {
            text.AppendLine().AppendLine("### Outputs").AppendLine("| file | size | sha256 |").AppendLine("|---|---|---|");
            foreach (var o in m.Outputs)
                text.AppendLine($"| {Markdown.Cell(o.Path)} | {Markdown.Size(o.SizeBytes)} | {(o.Sha256 is null ? "missing" : o.Sha256[..12] + "…")} |");
        }

        foreach (var table in m.Outputs.Where(o => o.Sha256 is not null && (o.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                     || o.Path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))).Take(MaxTablePreviews))
            text.AppendLine().AppendLine($"### {table.Name} (first rows)").Append(TablePreview(run.OutputPath(table)));

        if (run.Review is { } review)
        {
            text.AppendLine().AppendLine($"### Self-review: {review.Passed}/{review.Checks.Count} checks passed");
            foreach (var c in review.Checks)
                text.AppendLine($"- {(c.Passed ? "✅" : "❌")} `{c.Check}`: {c.Details}");
        }

        var approved = run.State == RunState.Approved;
        text.AppendLine().AppendLine(approved ? "### Approved interpretation" : "### Draft interpretation (not approved)")
            .AppendLine(string.IsNullOrWhiteSpace(run.Interpretation) ? "_(none given)_" : run.Interpretation);
        if (m.Recommendation is not null)
            text.AppendLine().AppendLine("### Recommendation").AppendLine(m.Recommendation);
        if (run.CurrentDecision is { } decision)
            text.AppendLine().AppendLine($"### Decision: {decision.Decision.Name()} by {decision.Reviewer} ({decision.DecidedAt:u}, via {decision.Channel})")
                .AppendLine(decision.Feedback is null ? "" : $"Feedback: {decision.Feedback}");
        foreach (var step in NextSteps(run))
            text.AppendLine().AppendLine($"_{step}_");
        return text.ToString().TrimEnd();
    }

    /// <summary>What to do with the run next, as the card ends (also <c>workbench_run_card</c>'s structured
    /// <c>nextSteps</c>): a decision while it is REVIEWED, nothing otherwise.</summary>
    public static IReadOnlyList<string> NextSteps(RunSnapshot run) =>
        run.CurrentDecision is null && run.State == RunState.Reviewed
            ? [$"Waiting for a decision: workbench_request_approval (or workbench_decide) with run_id=\"{run.Manifest.RunId}\"."]
            : [];

    /// <summary>PNG outputs to show with the card (first <see cref="MaxFigures"/>, each at most <see cref="MaxFigureBytes"/>).</summary>
    public static IReadOnlyList<string> Figures(RunSnapshot run) =>
        run.Manifest.Outputs.Where(o => o.Path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && o.Sha256 is not null && o.SizeBytes <= MaxFigureBytes)
            .Select(run.OutputPath).Where(File.Exists).Take(MaxFigures).ToList();
}
