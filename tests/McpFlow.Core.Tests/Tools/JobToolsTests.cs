using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using Xunit.Abstractions;

namespace McpFlow.Core.Tests.Tools;

public sealed class JobToolsTests(ITestOutputHelper output) : McpServerTestBase(output)
{
    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    [Fact]
    public async Task JobFinishingWithinWait_ReturnsResult_AndStreamsProgress()
    {
        var notes = new List<ProgressNotificationValue>();
        var progress = new SyncProgress<ProgressNotificationValue>(notes.Add);

        var result = await CallAsync("test_count", new { n = 30, wait_seconds = 20 }, progress);

        result.IsError.Should().NotBe(true);
        result.Text().Should().Contain("Counted to 30.");
        result.Structured().GetProperty("result").GetProperty("n").GetInt32().Should().Be(30);
        result.Structured().GetProperty("job").GetProperty("state").GetString().Should().Be("succeeded");
        result.ShouldCarryItsNextSteps("test_write");
        result.NextSteps().Should().Equal("Call test_write to keep the count.");
        notes.Should().NotBeEmpty();
        notes.Should().OnlyContain(n => n.Message!.StartsWith("counted "));
    }

    [Fact]
    public async Task AbsurdWait_IsRefused_AndTheJobItStartedIsCancelled()
    {
        var result = await CallAsync("test_hold", new { wait_seconds = 1e308 });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("wait_seconds must be between 0 and 45 (clients cut calls at about 60 s); got 1E+308.");
        var jobs = Services.GetRequiredService<McpFlow.Core.Jobs.JobManager>().List();
        var job = jobs.Should().ContainSingle().Subject;
        (await Services.GetRequiredService<McpFlow.Core.Jobs.JobManager>().WaitAsync(job.Id, TimeSpan.FromSeconds(30), CancellationToken.None))
            .State.Should().Be(McpFlow.Core.Jobs.JobState.Cancelled);
    }

    [Fact]
    public async Task JobStatus_WithoutWaitSeconds_AnswersAtOnce()
    {
        var started = await CallOkAsync("test_count", new { n = 2, wait_seconds = 20 });
        var id = started.Structured().GetProperty("job").GetProperty("id").GetString();

        var status = await CallOkAsync("job_status", new { job_id = id });
        status.Text().Should().Contain("finished");
        // The finished job's hints come with its result, whichever call delivers it.
        status.NextSteps().Should().Equal("Call test_write to keep the count.");
        status.ShouldCarryItsNextSteps("test_write");
    }

    [Fact]
    public async Task JobOutlastingWait_ReturnsJobId_ThenStatusWaitsForIt()
    {
        var started = await CallOkAsync("test_hold", new { wait_seconds = 0 });
        var jobId = started.Structured().GetProperty("job").GetProperty("id").GetString()!;
        started.Text().Should().Contain("job_status").And.Contain(jobId);
        Services.GetRequiredService<TestJobGate>().Release();

        var status = await CallOkAsync("job_status", new { job_id = jobId, wait_seconds = 20 });
        status.Structured().GetProperty("job").GetProperty("state").GetString().Should().Be("succeeded");

        var list = await CallOkAsync("job_list", new { state = "succeeded" });
        list.Text().Should().Contain(jobId);
    }

    [Fact]
    public async Task JobCancel_CancelsRunningJob()
    {
        var started = await CallOkAsync("test_hold", new { wait_seconds = 0 });
        var jobId = started.Structured().GetProperty("job").GetProperty("id").GetString()!;

        var cancelled = await CallOkAsync("job_cancel", new { job_id = jobId });

        cancelled.Text().Should().Be($"Job {jobId} was cancelled.");
    }

    [Theory]
    [InlineData("job_status", "{\"job_id\":\"job-x\",\"wait_seconds\":0}", "No job with id 'job-x'")]
    [InlineData("job_status", "{\"job_id\":\"job-x\",\"wait_seconds\":90}", "'wait_seconds' must be a number from 0 to 45; got 90")]
    [InlineData("job_list", "{\"state\":\"sleeping\"}", "Unknown job state 'sleeping'")]
    [InlineData("job_list", "{\"limit\":0}", "limit must be between 1 and 200")]
    [InlineData("job_cancel", "{\"job_id\":\"job-x\"}", "No job with id 'job-x'")]
    public async Task BadInput_GetsActionableError(string tool, string json, string expected)
    {
        var args = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;
        var result = await CallAsync(tool, args);
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain(expected);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly object _gate = new();

        public void Report(T value)
        {
            lock (_gate)
                report(value);
        }
    }
}
