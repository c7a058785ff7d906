using System.Text;

namespace McpFlow.Security.Tests.Ledger;

/// <summary>
/// The suite's figures: per class of attempts, how many were made, refused, and showed each problem. Rewritten to
/// <c>security-summary.md</c> next to the tests (and to <c>$MCPFLOW_SECURITY_SUMMARY</c> when set) after every class,
/// so the file always holds the run so far; docs/security.md quotes it.
/// </summary>
internal static class SecurityLedger
{
    /// <summary>Environment variable naming an extra copy of the summary (e.g. for CI logs).</summary>
    public const string SummaryVariable = "MCPFLOW_SECURITY_SUMMARY";

    private static readonly Lock Sync = new();
    private static readonly SortedDictionary<string, ClassTally> Classes = new(StringComparer.Ordinal);

    /// <summary>Where the summary is written.</summary>
    public static string SummaryPath => Path.Combine(AppContext.BaseDirectory, "security-summary.md");

    /// <summary>Starts (or continues) recording a class.</summary>
    public static AttemptLog Begin(string className)
    {
        lock (Sync)
        {
            if (!Classes.TryGetValue(className, out var tally))
                Classes[className] = tally = new ClassTally(className);
            return new AttemptLog(tally, Sync);
        }
    }

    /// <summary>The summary table as Markdown.</summary>
    public static string ToMarkdown()
    {
        lock (Sync)
        {
            var problems = Enum.GetValues<Problem>();
            var text = new StringBuilder();
            text.AppendLine("| class | attempts | refused | " + string.Join(" | ", problems.Select(Column)) + " |");
            text.AppendLine("|---|---:|---:|" + string.Concat(problems.Select(_ => "---:|")));
            foreach (var tally in Classes.Values)
                text.AppendLine($"| {tally.Name} | {tally.Attempts} | {tally.Refused} | {string.Join(" | ", problems.Select(p => tally.Problems[p]))} |");
            text.AppendLine($"| **total** | **{Classes.Values.Sum(t => t.Attempts)}** | **{Classes.Values.Sum(t => t.Refused)}** | " +
                string.Join(" | ", problems.Select(p => $"**{Classes.Values.Sum(t => t.Problems[p])}**")) + " |");
            return text.ToString();
        }
    }

    /// <summary>Writes the summary file(s).</summary>
    public static void Write()
    {
        var markdown = "# McpFlow red-team summary\n\n" +
            $"Written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by tests/McpFlow.Security.Tests.\n\n" + ToMarkdown();
        lock (Sync)
        {
            File.WriteAllText(SummaryPath, markdown);
            if (Environment.GetEnvironmentVariable(SummaryVariable) is { Length: > 0 } extra)
                File.WriteAllText(extra, markdown);
        }
    }

    /// <summary>Writes every finding of a class to <c>security-findings/&lt;class&gt;.txt</c> next to the summary (the
    /// failure message shows the first ones only).</summary>
    public static void WriteFindings(string className, IEnumerable<Finding> findings)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "security-findings");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, className + ".txt"), findings.Select(f => f.ToString()));
    }

    private static string Column(Problem problem) => problem switch
    {
        Problem.Leak => "leaks",
        Problem.Overwritten => "overwritten",
        Problem.CreatedOutside => "files outside",
        Problem.Crash => "crashes",
        Problem.Hang => "hangs",
        Problem.OverCap => "over cap",
        Problem.UnnamedParameter => "param not named",
        Problem.Echo => "echo > 200",
        Problem.RawError => "raw errors",
        Problem.Unexpected => "unexpected",
        Problem.NotRefused => "not refused",
        Problem.Unrecovered => "unrecovered",
        Problem.NotAudited => "not audited",
        _ => problem.ToString(),
    };
}
