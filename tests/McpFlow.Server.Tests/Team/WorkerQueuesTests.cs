using System.Text.Json.Nodes;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Server.Cli;
using McpFlow.Server.Team;

namespace McpFlow.Server.Tests.Team;

/// <summary>Which queues a worker serves (<c>--queues</c>): every kind's by default, the named ones otherwise, and a queue
/// no kind uses is refused with the queues that exist.</summary>
public sealed class WorkerQueuesTests
{
    // The kinds of the three groups with distributable jobs: physics (pinn_training), pipelines (comparisons, tunings), reports.
    private static readonly DistributedJobKinds Kinds = new(
    [
        new("pinn_training", "physics", typeof(Handler)), new("pipeline_compare_models", "pipelines", typeof(Handler)),
        new("pipeline_tune", "pipelines", typeof(Handler)), new("generate_eda_report", "reports", typeof(Handler)),
    ]);

    [Fact]
    public void Served_IsEveryKindsQueue_WhenNoneAreNamed() =>
        JobWorker.Served(Kinds, []).Should().Equal("physics", "pipelines", "reports");

    [Fact]
    public void Served_IsTheNamedQueues_SortedWithoutRepeats() =>
        JobWorker.Served(Kinds, ["reports", "pipelines", "reports"]).Should().Equal("pipelines", "reports");

    [Fact]
    public void Served_RefusesAQueueNoKindUses_NamingTheQueuesThatExist() =>
        FluentActions.Invoking(() => JobWorker.Served(Kinds, ["physics", "gpu"])).Should().Throw<OptionsException>()
            .WithMessage("--queues: no job kind uses the queue(s) gpu; the queues are physics, pipelines, reports.");

    private sealed class Handler : IDistributedJobHandler
    {
        public Task<JobResult> RunAsync(JsonNode parameters, JobContext context) => throw new NotSupportedException();
    }
}
