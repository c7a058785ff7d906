using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpFlow.Security.Tests.Checks;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>
/// Hands each hostile file of a family to its tools against a real server process of its own (a fresh sandbox and
/// workspace per family). Every call must answer within the load timeout plus a margin, a load that continues as a job
/// must end within the same deadline, and the process must still answer a ping after every file; a crash or hang is
/// recorded and the next file gets a new process. Files are generated just before use and deleted after.
/// </summary>
internal sealed partial class HostileRunner(SandboxFolders sandbox, GuardedServer server)
{
    private int _index;
    private int _hangs;

    private TimeSpan Deadline => _hangs < Deadlines.HostileHangBudget ? Deadlines.HostileLoad : Deadlines.HostileAfterBudget;

    /// <summary>Runs every file of <paramref name="files"/> and records the calls under <paramref name="log"/>.</summary>
    public async Task RunAsync(IEnumerable<HostileFile> files, AttemptLog log)
    {
        var outside = OutsideState.Capture(sandbox);
        foreach (var file in files)
        {
            var folder = Path.Combine(sandbox.Root, "hostile", file.Family);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, file.FileName);
            file.Create(path);
            var argument = $"hostile/{file.Family}/{file.Argument}";
            foreach (var (tool, arguments) in Calls(file.Via, argument))
            {
                var outcome = await CallAsync(tool, arguments);
                if (outcome.Kind == OutcomeKind.Hang)
                    _hangs++;
                var findings = OutcomeInspector.Inspect(outcome, arguments, sandbox);
                if (outcome.Survived && await server.PingAsync() is { Kind: not OutcomeKind.Answered } ping)
                    findings.Add(new Finding(Problem.Crash, "", "the server did not answer a ping after the call: " + ping.Excerpt()));
                var now = OutsideState.Capture(sandbox);
                findings.AddRange(now.ChangesSince(outside).Select(c => new Finding(Problem.CreatedOutside, "", c)));
                outside = now;
                log.Add($"{file} via {tool}", outcome.Refused, findings, outcome.Elapsed);
            }

            Delete(path);
        }
    }

    private IEnumerable<(string Tool, JsonObject Arguments)> Calls(HostileUse via, string path)
    {
        var n = ++_index;
        if (via.HasFlag(HostileUse.Load))
            yield return ("data_load", new JsonObject { ["path"] = path, ["table"] = $"hostile_{n}" });
        if (via.HasFlag(HostileUse.Analyze))
            yield return ("analyze_dataframe", new JsonObject { ["path"] = path });
        if (via.HasFlag(HostileUse.Pipeline))
            yield return ("generate_pipeline", new JsonObject { ["table"] = $"hostile_pipeline_{n}", ["file"] = path, ["task"] = "clustering" });
        if (via.HasFlag(HostileUse.Record))
            yield return ("workbench_record_run", new JsonObject
            {
                ["title"] = "hostile output", ["output_files"] = new JsonArray(path), ["input_files"] = new JsonArray(path), ["summary"] = "Hostile file.",
            });
        if (via.HasFlag(HostileUse.Export))
            yield return ("data_export", new JsonObject { ["path"] = path, ["sql"] = "SELECT 1 AS x", ["overwrite"] = true });
        if (via.HasFlag(HostileUse.Artifact))
            yield return ("mlflow_log_run", new JsonObject { ["experiment"] = "hostile", ["run_name"] = "hostile", ["artifacts"] = new JsonArray(path) });
    }

    /// <summary>Calls the tool; when the work continues as a background job, follows it (job_status with its own wait)
    /// until it ends, all within the deadline (<see cref="Deadlines.HostileLoad"/>) from the call; past it, a hang.</summary>
    private async Task<CallOutcome> CallAsync(string tool, JsonObject arguments)
    {
        var started = DateTime.UtcNow;
        var deadline = Deadline;
        var outcome = await server.CallToolAsync(tool, arguments, deadline);
        while (outcome.Survived && RunningJob(outcome) is { } job)
        {
            var left = deadline - (DateTime.UtcNow - started);
            if (left <= TimeSpan.Zero)
            {
                await server.CallToolAsync("job_cancel", new JsonObject { ["job_id"] = job }, Deadlines.Call);
                await server.KillHardAsync();
                return outcome with { Kind = OutcomeKind.Hang, Diagnostic = $"job {job} still running after {deadline.TotalSeconds:0} s; killed" };
            }

            var wait = Math.Clamp((int)left.TotalSeconds, 1, 45);
            outcome = await server.CallToolAsync("job_status", new JsonObject { ["job_id"] = job, ["wait_seconds"] = wait }, left + TimeSpan.FromSeconds(15));
        }

        return outcome with { Elapsed = DateTime.UtcNow - started };
    }

    private static string? RunningJob(CallOutcome outcome) =>
        (outcome.Structured.Contains("\"state\":\"running\"", StringComparison.Ordinal) || outcome.Structured.Contains("\"state\":\"queued\"", StringComparison.Ordinal))
        && JobId().Match(outcome.Everything) is { Success: true } m ? m.Value : null;

    private static void Delete(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
            Directory.Delete(path, recursive: true);
        else
            File.Delete(path);
        foreach (var sibling in new[] { path + ".2", path + ".gone" })
            File.Delete(sibling);
    }

    [GeneratedRegex(@"job-\d{8}-\d{6}-[0-9a-f]{6}")]
    private static partial Regex JobId();
}
