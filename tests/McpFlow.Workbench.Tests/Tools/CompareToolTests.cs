using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class CompareToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Compare_RanksTheRunsOfAnExperiment_AndSavesCsvAndChart()
    {
        var a = await RecordAsync("alpha=10", rmse: 2.0);
        var b = await RecordAsync("alpha=1", rmse: 1.25);
        var c = await RecordAsync("alpha=0.1", rmse: 1.5);
        await RecordAsync("other", rmse: 0.1, experiment: "elsewhere");
        await DecideAsync(b, "approve");
        await DecideAsync(a, "reject", feedback: "too much regularisation");

        var result = await CallOkAsync("workbench_compare", new { experiment = "sweep", rank_by = "rmse" });
        var comparison = result.Structured().GetProperty("comparison");
        // rmse is an error, so lower is better: 1.25 < 1.5 < 2.0.
        comparison.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("runId").GetString()).Should().Equal(b, c, a);
        comparison.GetProperty("bestRunId").GetString().Should().Be(b);
        comparison.GetProperty("lowerIsBetter").GetBoolean().Should().BeTrue();
        result.Text().Should().Contain($"| **`{b}`** | alpha=1 | APPROVED | 6/6 | 1.25 | 1 |");
        var csv = File.ReadAllLines(result.Structured().GetProperty("csvPath").GetString()!);
        csv[0].Should().Be("run_id,title,state,attempt,checks_passed,checks_total,rmse,mae");
        csv[1].Should().Be($"{b},alpha=1,APPROVED,1,6,6,1.25,1");
        csv.Should().HaveCount(4);
        result.Images().Should().ContainSingle();
        File.Exists(result.Structured().GetProperty("chartPath").GetString()).Should().BeTrue();
    }

    [Fact]
    public async Task Compare_RefusesAnUnknownExperimentOrMetric()
    {
        await RecordAsync();
        (await CallAsync("workbench_compare", new { experiment = "nope" })).Text().Should().Contain("No run belongs to experiment 'nope'.");
        (await CallAsync("workbench_compare", new { rank_by = "accuracy" })).Text().Should().Contain("No run has the metric 'accuracy'.");
    }
}
