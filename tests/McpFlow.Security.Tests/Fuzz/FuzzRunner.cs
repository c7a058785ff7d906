using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpFlow.Security.Tests.Checks;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>Runs fuzz attempts against one guarded server and records them: the common checks, the expectation of the
/// attempt (refused naming the parameter), and clean-up of any job a fuzzed call started (cancelled at once, so accepted
/// absurd values cannot pile up work).</summary>
internal sealed partial class FuzzRunner(GuardedServer server, SandboxFolders sandbox)
{
    private readonly HashSet<string> _cancelled = new(StringComparer.Ordinal);

    /// <summary>Runs every attempt and records it under <paramref name="log"/>.</summary>
    public async Task RunAsync(IEnumerable<FuzzAttempt> attempts, AttemptLog log)
    {
        foreach (var attempt in attempts)
        {
            var outcome = await server.CallToolAsync(attempt.Tool, attempt.Arguments, Deadlines.Call);
            var findings = OutcomeInspector.Inspect(outcome, attempt.Arguments, sandbox);
            if (attempt.MustName.Count > 0 && outcome.Survived)
            {
                if (!outcome.Refused)
                    findings.Add(new Finding(Problem.NotRefused, "", "accepted: " + outcome.Excerpt(160)));
                else if (!attempt.MustName.Any(name => ErrorText.Names(outcome.Text, name)))
                    findings.Add(new Finding(Problem.UnnamedParameter, "", $"does not name {string.Join(" or ", attempt.MustName)}: {outcome.Excerpt(200)}"));
            }

            log.Add(attempt.ToString(), outcome.Refused, findings, outcome.Elapsed);
            if (outcome.Survived)
                await CancelJobsAsync(outcome);
        }
    }

    private async Task CancelJobsAsync(CallOutcome outcome)
    {
        foreach (var id in JobId().Matches(outcome.Everything).Select(m => m.Value).Distinct().ToList())
            if (_cancelled.Add(id))
                await server.CallToolAsync("job_cancel", new JsonObject { ["job_id"] = id }, Deadlines.Call);
    }

    [GeneratedRegex(@"job-\d{8}-\d{6}-[0-9a-f]{6}")]
    private static partial Regex JobId();
}
