using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Testing;
using McpFlow.Workbench;

namespace McpFlow.Physics.Tests.Tools;

/// <summary>A finished PINN training becomes a workbench run (real workbench services), self-reviewed and approvable.</summary>
public sealed class PinnTrainWorkbenchTests : PhysicsServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new PhysicsToolGroup(), new WorkbenchToolGroup()];

    [Fact]
    public async Task PinnTrain_RecordsAReviewedTrainingRun_WithModelChartAndHistory()
    {
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 8, interior_points = 64, adam_steps = 40, lbfgs_steps = 0 }, wait_seconds = 40 });

        var result = train.Structured().GetProperty("result");
        var final = result.GetProperty("final");
        var run = result.GetProperty("workbenchRun");
        var runId = run.GetProperty("runId").GetString()!;
        run.GetProperty("state").GetString().Should().Be("REVIEWED", train.Text());
        run.GetProperty("checksFailed").GetArrayLength().Should().Be(0, train.Text()); // incl. the summary's numbers matching the metrics
        train.Text().Should().Contain($"Workbench run {runId}: REVIEWED");
        train.ShouldCarryItsNextSteps("validate_solution");
        train.NextSteps().Should().Contain(s => s.Contains("workbench_run_card", StringComparison.Ordinal));

        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(WorkspaceRoot, "runs", runId, "manifest.json"))).RootElement;
        manifest.GetProperty("tool").GetString().Should().Be("pinn_train");
        manifest.GetProperty("kind").GetString().Should().Be("training");
        manifest.GetProperty("summary").GetString().Should().StartWith("PINN for poisson trained with Adam; final loss "); // no L-BFGS steps asked
        var metrics = manifest.GetProperty("metrics");
        metrics.GetProperty("loss").GetDouble().Should().Be(final.GetProperty("loss").GetDouble());
        metrics.GetProperty("loss_residual").GetDouble().Should().Be(final.GetProperty("loss_residual").GetDouble());
        metrics.GetProperty("relative_l2_vs_exact").GetDouble().Should().Be(final.GetProperty("relative_l2_vs_exact").GetDouble());
        metrics.GetProperty("training_steps").GetDouble().Should().Be(40);
        manifest.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString())
            .Should().BeEquivalentTo("model.pt", "loss.png", "history.csv", "training.json");
        manifest.GetProperty("outputs").EnumerateArray().Should().OnlyContain(o => o.GetProperty("sizeBytes").GetInt64() > 0);
        var parameters = manifest.GetProperty("parameters");
        parameters.GetProperty("physics_run_id").GetString().Should().Be(result.GetProperty("run_id").GetString());
        parameters.GetProperty("network").GetProperty("width").GetInt32().Should().Be(8);
        parameters.GetProperty("optimiser").GetProperty("adam_steps").GetInt32().Should().Be(40);
        // The marching settings are recorded too (runs of the Allen-Cahn plan differ by them): off here, no time axis.
        parameters.GetProperty("optimiser").GetProperty("time_windows").GetInt32().Should().Be(0);
        parameters.GetProperty("optimiser").GetProperty("lbfgs_windows").GetInt32().Should().Be(0);
        parameters.GetProperty("optimiser").GetProperty("lbfgs_memory").GetDouble().Should().Be(0);

        var decided = await CallOkAsync("workbench_decide", new { run_id = runId, decision = "approve" });
        decided.Text().Should().Contain("APPROVED");
    }
}
