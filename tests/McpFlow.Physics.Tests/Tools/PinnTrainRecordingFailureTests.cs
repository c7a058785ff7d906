using McpFlow.Core.Runs;
using McpFlow.Physics.Tests.Training;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Physics.Tests.Tools;

/// <summary>A workbench that cannot record does not spoil a finished training.</summary>
public sealed class PinnTrainRecordingFailureTests : PhysicsServerTestBase
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IRunRecorder, ThrowingRunRecorder>();
    }

    [Fact]
    public async Task PinnTrain_FinishesWithAWarning_WhenTheWorkbenchCannotRecord()
    {
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = 5, lbfgs_steps = 0 }, wait_seconds = 30 });

        train.Text().Should().Contain("finished").And.Contain("Recording the workbench run failed (disk full)");
        train.Structured().GetProperty("result").TryGetProperty("workbenchRun", out _).Should().BeFalse();
    }
}
