using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Checks;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Runs escape attempts one by one and checks both the answer and the effect of each: refused with a clear message (or
/// the attempt's own verdict); nothing from outside the roots in the answer; the workspace's records intact (the audit
/// trail only appended to); no file created or changed outside the roots.
/// </summary>
internal sealed class EscapeRunner(GuardedServer server, SandboxFolders sandbox, Func<ProtectedRecords> protect)
{
    /// <summary>Runs <paramref name="attempts"/> and records them under <paramref name="log"/>.</summary>
    public async Task RunAsync(IEnumerable<EscapeAttempt> attempts, AttemptLog log)
    {
        var records = protect();
        var outside = OutsideState.Capture(sandbox);
        foreach (var attempt in attempts)
        {
            var outcome = attempt.Tool is null
                ? await server.ReadResourceAsync(attempt.Resource!, Deadlines.Call)
                : await server.CallToolAsync(attempt.Tool, attempt.Arguments, Deadlines.Call);
            var findings = OutcomeInspector.Inspect(outcome, (JsonNode?)attempt.Arguments ?? attempt.Resource, sandbox);
            if (outcome.Survived)
            {
                // A background job that failed on the attempt counts as a refusal (the model sees the job's error).
                var refused = outcome.Refused || outcome.Structured.Contains("\"state\":\"failed\"", StringComparison.Ordinal);
                if (attempt.MustRefuse && !refused)
                    findings.Add(new Finding(Problem.NotRefused, "", "carried out: " + outcome.Excerpt(200)));
                else if (outcome.Refused && string.IsNullOrWhiteSpace(outcome.Text))
                    findings.Add(new Finding(Problem.RawError, "", "refused without a message"));
                if (attempt.Verdict?.Invoke(outcome) is { } problem)
                    findings.Add(new Finding(Problem.NotRefused, "", problem));
            }

            var now = OutsideState.Capture(sandbox);
            findings.AddRange(now.ChangesSince(outside).Select(c => new Finding(Problem.CreatedOutside, "", c)));
            outside = now;
            var violations = records.Violations();
            findings.AddRange(violations.Select(v => new Finding(Problem.Overwritten, "", v)));
            if (violations.Count > 0)
                records = protect();
            else
                records.Rebase();
            log.Add(attempt.ToString(), outcome.Refused, findings, outcome.Elapsed);
        }
    }
}
