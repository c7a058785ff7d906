using System.Globalization;
using System.Text.Json;
using McpFlow.Physics.Tests.Tools;
using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Physics.Tests.Views;

/// <summary>The training monitor shows what the tool answers carry: the run and job it names are in pinn_train's text, the
/// live figures in pinn_status' text, the validation figures and charts in validate_solution's answer.</summary>
public sealed class TrainingMonitorContentTests : PhysicsServerTestBase
{
    [Fact]
    public async Task PinnTrainText_NamesTheJobAndRunTheViewFollows()
    {
        var start = await CallOkAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 8, interior_points = 64, adam_steps = 1_000_000, lbfgs_steps = 0 }, wait_seconds = 0 });
        var job = start.Structured().GetProperty("job");
        var (jobId, runId) = (job.GetProperty("id").GetString()!, job.GetProperty("parameters").GetProperty("run_id").GetString()!);
        start.Text().Should().StartWith($"Job {jobId} (PINN poisson ({runId})) is ");
        await CallOkAsync("job_cancel", new { job_id = jobId });
    }

    [Fact]
    public async Task PinnStatusText_CarriesEveryFigureTheViewShows()
    {
        // 120 Adam steps logged every 10: 12 records, enough for the prediction (10); target 1e-2 gives the view its ETA line.
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 8, interior_points = 64, adam_steps = 120, lbfgs_steps = 0, log_every = 10, target_loss = 1e-2 }, wait_seconds = 30 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString()!;
        var status = await CallOkAsync("pinn_status", new { run_id = runId });
        var text = status.Text();
        var h = status.Structured().GetProperty("health");
        string G3(JsonElement v) => v.GetDouble().ToString("G3", CultureInfo.CurrentCulture);

        // Header line: state, step / planned steps, phase, loss, seconds and ms per step.
        text.Should().StartWith($"Run {runId} [{h.GetProperty("state").GetString()}]: step {h.GetProperty("step").GetInt64()}/{h.GetProperty("plannedSteps").GetInt64()} " +
            $"({h.GetProperty("phase").GetString()}), loss {G3(h.GetProperty("loss"))}");
        text.Should().Contain($"{h.GetProperty("seconds").GetDouble().ToString("F1", CultureInfo.CurrentCulture)} s");
        var components = h.GetProperty("components").EnumerateObject().ToList();
        components.Should().NotBeEmpty();
        foreach (var c in components)
            text.Should().Contain($"{c.Name} {G3(c.Value)}");
        foreach (var a in h.GetProperty("advice").EnumerateArray())
            text.Should().Contain(a.GetString());
        // The time to target: the view shows the prediction's numbers and its verdict, which the text carries as written.
        var eta = h.GetProperty("eta");
        text.Should().Contain(eta.GetProperty("verdict").GetString());
        eta.GetProperty("target").GetDouble().Should().Be(1e-2);
    }

    [Fact]
    public async Task ValidateSolution_CarriesTheVerdictErrorsAndTheTwoChartsTheViewShows()
    {
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = 5, lbfgs_steps = 0 }, wait_seconds = 30 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString()!;
        var result = await CallOkAsync("validate_solution", new { run_id = runId });
        var text = result.Text();
        var report = result.Structured().GetProperty("report");
        text.Should().Contain($"Verdict: {report.GetProperty("verdict").GetProperty("outcome").GetString()!.ToUpperInvariant()}");
        text.Should().Contain($"- Compared with: {report.GetProperty("comparedWith").GetString()}");
        text.Should().Contain($"Relative L2 error {report.GetProperty("relativeL2").GetDouble().ToString("G3", CultureInfo.CurrentCulture)}");
        text.Should().Contain($"- PDE residual on {report.GetProperty("residualPoints").GetInt32()} fresh points: RMS");
        // Two axes (x, y): the solution and the error heatmaps, in that order (ValidationCharts), as PNG images.
        var images = result.Content.OfType<ImageContentBlock>().ToList();
        images.Should().HaveCount(2);
        images.Should().OnlyContain(i => i.MimeType == "image/png");
        result.Structured().GetProperty("charts").EnumerateArray().Select(c => Path.GetFileNameWithoutExtension(c.GetString())).Should().Equal("solution", "error");
    }
}
