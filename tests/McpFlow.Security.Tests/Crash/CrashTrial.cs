using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Crash;

/// <summary>
/// One kill or exit trial: a fresh sandbox and server holding the seeded table, work started, the process ended (kill -9,
/// SIGTERM or stdin closing), and a new server on the same workspace checked: it opens (the lock was released), the
/// table is intact, the audit trail verifies, interrupted jobs say so, and a state-changing call still works.
/// </summary>
internal sealed partial class CrashTrial : IAsyncDisposable
{
    private CrashTrial(SandboxFolders sandbox, GuardedServer server)
    {
        Sandbox = sandbox;
        Server = server;
    }

    /// <summary>The folders.</summary>
    public SandboxFolders Sandbox { get; }

    /// <summary>The server (restarted on the same workspace by the first call after the process ends).</summary>
    public GuardedServer Server { get; }

    /// <summary>Starts a server on a fresh workspace and loads the seeded table.</summary>
    public static async Task<CrashTrial> StartAsync(string name)
    {
        var sandbox = new SandboxFolders("crash-" + name);
        var server = new GuardedServer(new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd));
        await WorkspaceSeed.Call(server, "data_load", new JsonObject { ["path"] = LinkLayout.Sales, ["table"] = WorkspaceSeed.Table });
        return new CrashTrial(sandbox, server);
    }

    /// <summary>Calls a tool that must succeed.</summary>
    public Task<CallOutcome> Call(string tool, JsonObject arguments) => WorkspaceSeed.Call(Server, tool, arguments);

    /// <summary>Starts a background job (wait_seconds 0) and returns its id once it reports progress (job_status waits up to
    /// a second per poll on the server; bounded by <see cref="Deadlines.Seed"/>).</summary>
    public async Task<string> StartJobAsync(string tool, JsonObject arguments)
    {
        arguments["wait_seconds"] = 0;
        var started = await Call(tool, arguments);
        var job = JobId().Match(started.Text).Value;
        var deadline = DateTime.UtcNow + Deadlines.Seed;
        while (DateTime.UtcNow < deadline)
        {
            var status = await Call("job_status", new JsonObject { ["job_id"] = job, ["wait_seconds"] = 1 });
            if (!status.Structured.Contains("\"state\":\"queued\"", StringComparison.Ordinal) && status.Structured.Contains("\"progress\"", StringComparison.Ordinal))
                return job;
        }

        throw new InvalidOperationException($"Job {job} of {tool} reported no progress within {Deadlines.Seed.TotalSeconds:0} s.");
    }

    /// <summary>Checks the workspace through a new server process: it opens, the table has its rows, the audit trail
    /// verifies, each of <paramref name="interrupted"/> is shown interrupted (or cancelled, when <paramref name="asked"/>:
    /// a process asked to stop may cancel its jobs on the way out), no job is left running, and a state-changing call
    /// works.</summary>
    public async Task<List<Finding>> CheckRecoveryAsync(IEnumerable<string> interrupted, bool asked)
    {
        var findings = new List<Finding>();
        CallOutcome count;
        try
        {
            count = await Server.CallToolAsync("data_query", new JsonObject { ["sql"] = $"SELECT count(*) AS n FROM {WorkspaceSeed.Table}" }, Deadlines.Call);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException)
        {
            findings.Add(new Finding(Problem.Unrecovered, "", "the workspace did not reopen: " + ex.Message));
            return findings;
        }

        if (!count.Survived || count.Refused || !count.Text.Contains($"| {SalesData.Rows} |", StringComparison.Ordinal))
            findings.Add(new Finding(Problem.Overwritten, "", "the seeded table is not intact: " + count.Excerpt()));
        var audit = await Server.CallToolAsync("workbench_audit", new JsonObject { ["action"] = "verify" }, Deadlines.Call);
        if (!audit.Structured.Contains("\"valid\":true", StringComparison.Ordinal))
            findings.Add(new Finding(Problem.Overwritten, "", "the audit trail does not verify: " + audit.Excerpt()));
        foreach (var job in interrupted)
        {
            var status = await Server.CallToolAsync("job_status", new JsonObject { ["job_id"] = job, ["wait_seconds"] = 0 }, Deadlines.Call);
            if (!status.Structured.Contains("\"state\":\"interrupted\"", StringComparison.Ordinal)
                && !(asked && status.Structured.Contains("\"state\":\"cancelled\"", StringComparison.Ordinal)))
                findings.Add(new Finding(Problem.Unrecovered, "", $"job {job} is not shown interrupted: " + status.Excerpt()));
        }

        var jobs = await Server.CallToolAsync("job_list", new JsonObject(), Deadlines.Call);
        if (jobs.Structured.Contains("\"state\":\"running\"", StringComparison.Ordinal) || jobs.Structured.Contains("\"state\":\"queued\"", StringComparison.Ordinal))
            findings.Add(new Finding(Problem.Unrecovered, "", "a job of the killed process is still listed as running or queued: " + jobs.Excerpt()));
        var record = await Server.CallToolAsync("workbench_record_run", new JsonObject
        {
            ["title"] = "after the kill", ["output_files"] = new JsonArray(LinkLayout.Metrics), ["summary"] = "RMSE 1.23.", ["metrics"] = new JsonObject { ["rmse"] = 1.23 },
        }, Deadlines.Call);
        if (record.Refused || !record.Survived)
            findings.Add(new Finding(Problem.Unrecovered, "", "a state-changing call fails after the restart: " + record.Excerpt()));
        return findings;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Sandbox.Dispose();
    }

    [GeneratedRegex(@"job-\d{8}-\d{6}-[0-9a-f]{6}")]
    private static partial Regex JobId();
}
