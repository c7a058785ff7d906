using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace McpFlow.Security.Tests.Ledger;

/// <summary>Records the attempts of one class and its findings, and fails the test when there are any.</summary>
internal sealed class AttemptLog(ClassTally tally, Lock sync)
{
    /// <summary>Findings shown in a failure message (the rest are counted).</summary>
    private const int FindingsShown = 40;

    /// <summary>Slowest attempts listed in the report (where the suite's time goes).</summary>
    private const int SlowestShown = 5;

    private readonly List<Finding> _findings = [];
    private readonly List<(string Attempt, TimeSpan Elapsed)> _times = [];

    /// <summary>Findings so far.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>The class's tally.</summary>
    public ClassTally Tally => tally;

    /// <summary>Records one attempt.</summary>
    public void Add(string attempt, bool refused, IReadOnlyCollection<Finding> findings, TimeSpan elapsed = default)
    {
        _times.Add((attempt, elapsed));
        lock (sync)
            tally.Add(refused, findings.Select(f => f.Problem));
        _findings.AddRange(findings.Select(f => f with { Attempt = attempt + (f.Attempt.Length > 0 ? " " + f.Attempt : "") }));
    }

    /// <summary>Writes the summary, prints this class's counts, and fails when any finding was recorded.</summary>
    public void AssertClean(ITestOutputHelper output)
    {
        SecurityLedger.Write();
        SecurityLedger.WriteFindings(tally.Name, _findings);
        var report = new StringBuilder();
        report.AppendLine($"{tally.Name}: {tally.Attempts} attempts, {tally.Refused} refused, " +
            string.Join(", ", tally.Problems.Where(p => p.Value > 0).Select(p => $"{p.Value} {p.Key}")));
        report.AppendLine($"  time {TimeSpan.FromTicks(_times.Sum(t => t.Elapsed.Ticks)).TotalSeconds:0.0} s; slowest: " +
            string.Join("; ", _times.OrderByDescending(t => t.Elapsed).Take(SlowestShown).Select(t => $"{Short(t.Attempt)} {t.Elapsed.TotalSeconds:0.0} s")));
        foreach (var finding in _findings.Take(FindingsShown))
            report.AppendLine("  " + finding);
        if (_findings.Count > FindingsShown)
            report.AppendLine($"  … and {_findings.Count - FindingsShown} more");
        report.AppendLine("Summary so far (" + SecurityLedger.SummaryPath + "):");
        report.Append(SecurityLedger.ToMarkdown());
        output.WriteLine(report.ToString());
        if (_findings.Count > 0)
            throw new XunitException(report.ToString());
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
