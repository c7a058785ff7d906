using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class RunCardToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Card_PresentsWhatRanTheChecksTheDraftAndTheFigure()
    {
        var runId = await RecordAsync("Ridge alpha=1", rmse: 1.5);
        var card = await CallOkAsync("workbench_run_card", new { run_id = runId });
        card.Text().Should().Contain("## Ridge alpha=1").And.Contain("| rmse | 1.5 |").And.Contain("### Self-review: 6/6 checks passed")
            .And.Contain("### Draft interpretation (not approved)").And.Contain("RMSE 1.5 on the holdout.").And.Contain("Waiting for a decision");
        card.Text().Should().Contain("### predictions.csv (first rows)\n| x | y_hat |\n|---|---|\n| 1 | 2.1 |\n| 2 | 3.9 |");
        card.Images().Should().ContainSingle();
        card.Structured().GetProperty("manifest").GetProperty("schemaVersion").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Card_RefusesAMalformedOrUnknownRunId()
    {
        (await CallAsync("workbench_run_card", new { run_id = "42" })).Text().Should().Contain("run_id '42' is not a workbench run id");
        (await CallAsync("workbench_run_card", new { run_id = "run-20200101-000000-abcdef" })).Text().Should().Contain("Run run-20200101-000000-abcdef does not exist.");
    }
}
