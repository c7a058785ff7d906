using System.ComponentModel;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Tests.Support;

/// <summary>Tools that exercise the core machinery: errors, jobs with progress, read-only filtering.</summary>
[McpServerToolType]
public sealed class TestTools(JobManager jobs, JobCalls calls, TestJobGate gate)
{
    [McpServerTool(Name = "test_fail", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Fails in the requested way.")]
    public static string Fail([Description("domain, unexpected or mcp")] string kind) => kind switch
    {
        "domain" => throw McpFlowException.NotFound("Table 'sales' does not exist.", "Call data_list_tables."),
        "mcp" => throw new McpException("Already phrased."),
        _ => throw new InvalidOperationException("boom"),
    };

    [McpServerTool(Name = "test_write", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false)]
    [Description("Pretends to write.")]
    public static string Write() => "written";

    [McpServerTool(Name = "test_count", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Counts to n as a background job, yielding between steps, reporting progress.")]
    public Task<CallToolResult> Count(
        [Description("Count to, e.g. 10")] int n,
        [Description("Seconds to wait, e.g. 5")] double wait_seconds,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken)
    {
        var handle = jobs.Start("count", $"count to {n}", async ctx =>
        {
            for (var i = 1; i <= n; i++)
            {
                ctx.CancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                ctx.Report((double)i / n, $"counted {i}/{n}");
            }

            return new JobResult($"Counted to {n}.", System.Text.Json.Nodes.JsonNode.Parse($"{{\"n\":{n}}}"))
            {
                NextSteps = ["Call test_write to keep the count."],
            };
        });
        return calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }

    [McpServerTool(Name = "test_hold", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Starts a background job that runs until the test releases it (TestJobGate) or it is cancelled.")]
    public Task<CallToolResult> Hold(
        [Description("Seconds to wait, e.g. 0")] double wait_seconds,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken)
    {
        var handle = jobs.Start("hold", "held until released", async ctx =>
        {
            await gate.Released.WaitAsync(ctx.CancellationToken);
            return new JobResult("Released.", System.Text.Json.Nodes.JsonNode.Parse("{\"released\":true}"));
        });
        return calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }
}
