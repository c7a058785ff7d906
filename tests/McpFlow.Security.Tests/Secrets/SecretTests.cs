using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Secrets;

/// <summary>
/// Secrets never travel (issue 11): an MLflow server's error body that repeats the Authorization header is not passed
/// to the client or the log; arguments named like secrets (pwd, passwd, auth_header, *token*, *secret*, *key*) and
/// credentials inside URLs are stored redacted in the audit trail and the run manifests, and shown redacted; at log
/// level Trace no argument is logged unredacted.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SecretTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RemoteErrorBodies_NeverCarryTheTrackingToken_ToTheClientOrTheLog()
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        using var sandbox = new SandboxFolders("secret-remote");
        await using var mlflow = new LeakyMlflowServer();
        await using var server = new GuardedServer(new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd)
        {
            ExtraArguments = ["--mlflow-uri", mlflow.Uri],
            Environment = new Dictionary<string, string> { ["MLFLOW_TRACKING_TOKEN"] = token, ["MCPFLOW_LOG_LEVEL"] = "Trace" },
        });
        var log = SecurityLedger.Begin("secrets.remote-errors");
        foreach (var (tool, arguments) in new (string, JsonObject)[]
                 {
                     ("mlflow_list_experiments", new()), ("mlflow_search_runs", new() { ["experiment"] = "x" }),
                     ("mlflow_get_run", new() { ["run_id"] = "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b" }),
                     ("mlflow_log_run", new() { ["experiment"] = "x", ["run_name"] = "y", ["params"] = new JsonObject { ["a"] = "1" } }),
                 })
        {
            var outcome = await server.CallToolAsync(tool, arguments, Deadlines.Call);
            var instance = await server.InstanceAsync();
            var findings = new List<Finding>();
            if (outcome.Everything.Contains(token, StringComparison.Ordinal))
                findings.Add(new Finding(Problem.Leak, "", "the tracking token is in the answer: " + outcome.Excerpt()));
            if (instance.StdErrTail.Contains(token, StringComparison.Ordinal))
                findings.Add(new Finding(Problem.Leak, "", "the tracking token is in the server's log"));
            log.Add(tool, outcome.Refused, findings, outcome.Elapsed);
        }

        log.AssertClean(output);
    }

    [Fact]
    public async Task SecretArguments_AreRedactedInTheAuditTrailManifestsAnswersAndTraceLog()
    {
        using var sandbox = new SandboxFolders("secret-args");
        await using var server = new GuardedServer(new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd)
        {
            Environment = new Dictionary<string, string> { ["MCPFLOW_LOG_LEVEL"] = "Trace" },
        });
        var secrets = Enumerable.Range(0, 10).Select(i => $"S{i}-{Guid.NewGuid():N}").ToArray();
        var parameters = new JsonObject
        {
            ["pwd"] = secrets[0], ["passwd"] = secrets[1], ["auth_header"] = secrets[2], ["api_token"] = secrets[3], ["client_secret"] = secrets[4],
            ["aws_access_key"] = secrets[5], ["endpoint"] = $"https://user:{secrets[6]}@db.example.com/path", ["note"] = $"see postgres://u:{secrets[7]}@h:5432/db",
            ["Authorization"] = "Bearer " + secrets[8], ["nested"] = new JsonObject { ["password"] = secrets[9] }, ["alpha"] = 1.0,
        };
        var log = SecurityLedger.Begin("secrets.redaction");
        var recorded = await server.CallToolAsync("workbench_record_run", new JsonObject
        {
            ["title"] = "secret params", ["output_files"] = new JsonArray(LinkLayout.Metrics), ["summary"] = "RMSE 1.23.",
            ["metrics"] = new JsonObject { ["rmse"] = 1.23 }, ["parameters"] = parameters,
        }, Deadlines.Call);
        var runId = recorded.Structured.Length > 0 ? JsonNode.Parse(recorded.Structured)?["runId"]?.GetValue<string>() : null;
        var answers = new List<(string Where, string Text)> { ("workbench_record_run answer", recorded.Everything) };
        if (runId is not null)
            answers.Add(("workbench_run_card answer", (await server.CallToolAsync("workbench_run_card", new JsonObject { ["run_id"] = runId }, Deadlines.Call)).Everything));
        answers.Add(("workbench_audit answer", (await server.CallToolAsync("workbench_audit", new JsonObject { ["limit"] = 20 }, Deadlines.Call)).Everything));
        var instance = await server.InstanceAsync();
        answers.Add(("the Trace log", instance.StdErrTail));
        answers.Add(("audit.jsonl", File.ReadAllText(Path.Combine(sandbox.Workspace, "audit", "audit.jsonl"))));
        foreach (var manifest in Directory.EnumerateFiles(Path.Combine(sandbox.Workspace, "runs"), "manifest.json", SearchOption.AllDirectories))
            answers.Add((Path.GetRelativePath(sandbox.Workspace, manifest), File.ReadAllText(manifest)));
        foreach (var (where, text) in answers)
        {
            var shown = secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => s[..2]).ToList();
            log.Add(where, false, shown.Count == 0 ? [] : [new Finding(Problem.Leak, "", $"secrets {string.Join(", ", shown)} stored or shown in clear")]);
        }

        log.AssertClean(output);
    }
}
