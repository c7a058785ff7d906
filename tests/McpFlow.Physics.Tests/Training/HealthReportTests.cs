using McpFlow.Physics.Specs;
using McpFlow.Physics.Tests.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

public sealed class HealthReportTests
{
    internal static PinnRun Run(string state, IEnumerable<double> losses, int every = 10)
    {
        var run = new PinnRun
        {
            Id = "pinn-20260101-000000-abcd", Folder = "/nonexistent", Spec = PdeSpecCompiler.Compile(PdeSpecCompilerTests.Poisson).Document,
            Options = new TrainingOptions { AdamSteps = 1000, LbfgsSteps = 0 }, State = state,
        };
        run.Load(losses.Select((l, i) => new StepRecord((long)i * every, "adam", l, new Dictionary<string, double> { ["residual"] = l },
            new Dictionary<string, double>(), 1e-3, 1, i * every * 0.01)));
        return run;
    }

    [Fact]
    public void Build_DoesNotReportASpikeAsTheCurrentLoss()
    {
        // Issue 18: pinn_status reported a 1e4 spike as the current loss. Last five logged: 3e-3, 2.9e-3, 2.8e-3, 2.7e-3, 1e4;
        // their median is 2.9e-3.
        var run = Run("running", [1, 0.1, 0.01, 3e-3, 2.9e-3, 2.8e-3, 2.7e-3, 1e4]);

        var health = HealthReport.Build(run, null);

        health.Loss.Should().Be(2.9e-3);
        health.LastLoggedLoss.Should().Be(1e4);
        health.Advice.Should().Contain(a => a.StartsWith("The last logged loss 1E+04 (step 70) is a spike"));
        HealthReport.ToText(health).Should().Contain("loss 0.0029 (last logged 1E+04)");
    }

    [Fact]
    public void Build_ReportsAFinishedRunsSavedModelLoss()
    {
        var run = Run("finished", [1, 0.1, 0.05, 0.02]);
        run.Final["loss"] = 0.015;

        HealthReport.Build(run, null).Loss.Should().Be(0.015);
    }
}
