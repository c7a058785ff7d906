using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Runs;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Presentation;

/// <summary>
/// Writes the final report: only APPROVED runs, each with its approved interpretation; other runs are named as
/// excluded without their results. Every included run passes the <see cref="GatedActions.FinalReport"/> gate.
/// </summary>
public sealed class FinalReportWriter(RunStore store, IApprovalGate gate, ReportFiles files)
{
    /// <summary>Longest report title (characters): a heading, not a document.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Writes the report for <paramref name="experiment"/> (all runs when null) or for the named runs.</summary>
    public FinalReport Write(string title, string? experiment, IReadOnlyList<string>? runIds, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw McpFlowException.Invalid("title is empty; give one such as \"Ridge sweep: final results\".");
        if (title.Length > MaxTitleLength)
            throw McpFlowException.Invalid(string.Create(CultureInfo.InvariantCulture, $"title is {title.Length:N0} characters long; at most {MaxTitleLength}."),
                "Give a short heading such as \"Ridge sweep: final results\".");
        if (title.Any(char.IsControl))
            throw McpFlowException.Invalid("title contains a line break or another control character; it must be one line.", "Give a short heading such as \"Ridge sweep: final results\".");
        var candidates = new List<RunSnapshot>();
        var excluded = new Dictionary<string, string>();
        var ids = runIds is { Count: > 0 } ? runIds.Select(id => RunIds.Require(id, "run_ids")).ToList() : store.Ids().Reverse().ToList();
        foreach (var read in store.LoadEach(ids, cancellationToken))
        {
            var id = read.RunId;
            if (read.Run is not { } run)
            {
                if (runIds is { Count: > 0 })
                    ExceptionDispatchInfo.Throw(read.Problem!); // a named run that cannot be trusted is refused, not left out
                excluded[id] = "CORRUPTED";
                continue;
            }

            if (experiment is not null && !string.Equals(run.Manifest.Experiment, experiment, StringComparison.OrdinalIgnoreCase))
                continue;
            if (run.State == RunState.Approved)
                candidates.Add(run);
            else if (runIds is { Count: > 0 })
                gate.EnsureAllowed(GatedActions.FinalReport, id); // a named run must be approved: refuse rather than leave it out silently
            else
                excluded[id] = run.State.Name();
        }

        if (candidates.Count == 0)
            throw McpFlowException.Forbidden(
                $"No APPROVED run{(experiment is null ? "" : $" in experiment '{experiment}'")} to report; a final report contains approved results only.",
                "Present runs (workbench_run_card) and get them approved (workbench_request_approval or workbench_decide) first.");
        foreach (var run in candidates)
            gate.EnsureAllowed(GatedActions.FinalReport, run.RunId);

        var markdown = Render(title, experiment, candidates, excluded);
        var path = ReportFiles.NewFile(files.ReportsFolder, $"{title}-{store.Time.GetUtcNow():yyyyMMdd-HHmmss}", ".md", unique: true);
        cancellationToken.ThrowIfCancellationRequested(); // the report file is written in one step
        File.WriteAllText(path, markdown);
        return new FinalReport(path, candidates.Select(c => c.RunId).ToList(), excluded, markdown);
    }

    private string Render(string title, string? experiment, List<RunSnapshot> runs, Dictionary<string, string> excluded)
    {
        var text = new StringBuilder()
            .AppendLine($"# {title}")
            .AppendLine()
            .AppendLine($"Generated {store.Time.GetUtcNow():u} by McpFlow from {runs.Count} approved run(s)" + (experiment is null ? "." : $" of experiment `{experiment}`."))
            .AppendLine("Only approved interpretations appear here; every run's records and audit trail are in the workspace.");
        var metrics = runs.SelectMany(r => r.Manifest.Metrics.Keys).Distinct().Take(RunComparer.DefaultMaxMetrics).ToList();
        if (metrics.Count > 0)
        {
            text.AppendLine().AppendLine("## Summary table").AppendLine("| run | " + string.Join(" | ", metrics.Select(Markdown.Cell)) + " |")
                .AppendLine("|---|" + string.Concat(metrics.Select(_ => "---|")));
            foreach (var r in runs)
                text.AppendLine($"| {Markdown.Cell(r.Manifest.Title)} | " + string.Join(" | ", metrics.Select(m => r.Manifest.Metrics.TryGetValue(m, out var v) ? Markdown.Number(v) : "–")) + " |");
        }

        foreach (var r in runs)
        {
            var decision = r.CurrentDecision!;
            text.AppendLine().AppendLine($"## {r.Manifest.Title}")
                .AppendLine($"Run `{r.RunId}` ({r.Manifest.Tool}, attempt {r.Manifest.Attempt}) — {decision.Decision.Name()} by {decision.Reviewer} on {decision.DecidedAt:u}.")
                .AppendLine().AppendLine(decision.Interpretation);
            foreach (var figure in r.Manifest.Outputs.Where(o => o.Path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)))
                text.AppendLine().AppendLine($"![{figure.Name}]({Path.GetRelativePath(files.ReportsFolder, r.OutputPath(figure))})");
            if (r.Manifest.Recommendation is not null)
                text.AppendLine().AppendLine($"Next step: {r.Manifest.Recommendation}");
        }

        if (excluded.Count > 0)
        {
            text.AppendLine().AppendLine("## Not included (not approved)");
            foreach (var (id, state) in excluded)
                text.AppendLine($"- `{id}`: {state}");
        }

        return text.ToString();
    }
}
