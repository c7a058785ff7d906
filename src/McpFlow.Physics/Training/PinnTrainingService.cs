using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Core.Tracking;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFlow.Physics.Training;

/// <summary>Starts PINN trainings as background jobs: checks the problem, trains, evaluates against the exact
/// solution when known, saves the run folder, logs params and metrics to the tracking store when one is available,
/// and records a finished training as a workbench run when a recorder is available (see <see cref="PinnRunRecording"/>);
/// a tracking or recording failure is reported in the result, never fatal.</summary>
public sealed class PinnTrainingService(
    PinnTrainer trainer, PinnRunStore store, JobManager jobs, TorchRuntime runtime, ITrackingWriter tracking, IRunRecorder recorder,
    TimeProvider time, ILogger<PinnTrainingService>? logger = null)
{
    private const string Experiment = "mcpflow-physics";
    private const int MetricBatch = 200;
    private const int ExactCheckPoints = 4000;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Validates and starts; returns the run and its job.</summary>
    public (PinnRun Run, JobHandle Job) Start(PdeProblem problem, TrainingOptions options)
    {
        TrainingLimits.Validate(options);
        TrainingMemory.EnsureFits(problem, options, SystemMemory.AvailableBytes());
        var classification = PdeClassifier.Classify(problem);
        var errors = WellPosednessChecker.Check(problem, classification).Where(i => i.Severity == "error").ToList();
        if (errors.Count > 0)
            throw McpFlowException.Invalid("The problem is not well-posed: " + string.Join(" ", errors.Select(e => e.Message)),
                "Call analyze_pde_problem for the full check and fix the spec.");
        _ = runtime.Device; // throws an actionable error now if libtorch cannot load
        var run = store.Create(problem, options);
        var parameters = JsonSerializer.SerializeToNode(new { run_id = run.Id, spec = problem.Document, options }, McpFlowJson.Options);
        var job = jobs.StartDistributable(PinnTrainingJob.Kind, $"PINN {problem.Kind} ({run.Id})", parameters!, ctx => TrainAsync(run, ctx));
        run.JobId = job.Id;
        if (jobs.RunsHere(job.Id))
            store.Save(run);
        else
            store.Release(run.Id); // A worker trains it and writes its files (with the job id); this copy would go stale.
        return (run, job);
    }

    /// <summary>Trains <paramref name="run"/> as job <paramref name="ctx"/>: here, or on a worker (<see cref="PinnTrainingJob"/>),
    /// from step 0 or from the checkpoint <paramref name="resume"/>.</summary>
    public async Task<JobResult> TrainAsync(PinnRun run, JobContext ctx, CheckpointManifest? resume = null)
    {
        run.JobId = ctx.JobId;
        var pending = new List<MetricPoint>();
        var warnings = new List<string>();
        await StartTrackingAsync(run, warnings, ctx.CancellationToken);
        // Metrics go to the store off the training loop (a remote MLflow may take seconds per call).
        var uplink = tracking.IsAvailable && run.TrackingRunId is not null ? new TrackingMetricsUplink(tracking, run.TrackingRunId, ctx.CancellationToken) : null;
        try
        {
            using var model = trainer.Train(run, (record, logged) =>
            {
                ctx.Report((record.Step + 1.0) / run.PlannedSteps, $"{record.Phase} step {record.Step + 1}/{run.PlannedSteps}, loss {record.Loss:G3}",
                    new Dictionary<string, double> { ["loss"] = record.Loss, ["grad_norm"] = record.GradNorm, ["learning_rate"] = record.LearningRate });
                if (!logged || run.TrackingRunId is null)
                    return;
                var ms = time.GetUtcNow().ToUnixTimeMilliseconds();
                pending.Add(new MetricPoint("loss", record.Loss, record.Step, ms));
                foreach (var (name, value) in record.Components)
                    pending.Add(new MetricPoint($"loss_{name}", value, record.Step, ms));
                if (pending.Count >= MetricBatch)
                    Flush(uplink, pending);
            }, ctx.CancellationToken, resume);

            // The trainer set the final loss, its components, steps and seconds from the saved model's own measurement.
            if (run.Problem!.Exact is not null)
                run.Final["relative_l2_vs_exact"] = RelativeL2(model, run.Problem);
            run.State = "finished";
            store.Save(run);
            var chart = LossChart.Render(run);
            Flush(uplink, pending);
            await CompleteMetricsAsync(run, uplink, warnings);
            await EndTrackingAsync(run, TrackedRunStatus.Finished, chart.Path, warnings, CancellationToken.None);
            var recorded = await RecordAsync(run, model.Hard, warnings, ctx.CancellationToken);
            var result = new { run_id = run.Id, folder = run.Folder, final = run.Final, message = run.Message, warnings, tracking_run_id = run.TrackingRunId };
            return RunRecording.ForJob(Summary(run, warnings), result, recorded,
                [$"Check it with validate_solution with run_id=\"{run.Id}\", or predict_convergence."], chart.Path is null ? [] : [chart.Path]);
        }
        catch (OperationCanceledException)
        {
            run.State = "cancelled";
            run.Message = "Cancelled on request. " + (run.Message ?? "Checkpoints written so far are kept.");
            store.Save(run);
            await CompleteMetricsAsync(run, uplink, warnings);
            await EndTrackingAsync(run, TrackedRunStatus.Killed, null, warnings, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            run.State = "failed";
            var saved = ex is McpFlowException && run.Message is { } note ? " " + note : "";
            run.Message = (ex is McpFlowException m ? m.ToClientMessage() : $"{ex.GetType().Name}: {ex.Message}") + saved;
            store.Save(run);
            await CompleteMetricsAsync(run, uplink, warnings);
            await EndTrackingAsync(run, TrackedRunStatus.Failed, null, warnings, CancellationToken.None);
            throw;
        }
    }

    // A finished training is an analysis step with artifacts: it becomes a workbench run (self-reviewed, then approved or rejected).
    private async Task<RecordedRun?> RecordAsync(PinnRun run, bool hardBoundary, List<string> warnings, CancellationToken ct)
    {
        try
        {
            var recorded = await recorder.RecordAsync(PinnRunRecording.Start(run, hardBoundary), folder => PinnRunRecording.Write(run, folder), ct);
            if (recorded is not null)
            {
                run.WorkbenchRunId = recorded.RunId;
                store.Save(run);
            }

            return recorded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Workbench recording failed for {RunId}", run.Id);
            warnings.Add($"Recording the workbench run failed ({ex.Message}); the PINN run folder is complete.");
            return null;
        }
    }

    private static double RelativeL2(PinnModel model, PdeProblem problem)
    {
        var sampler = new PointSampler(problem);
        var exact = sampler.Compile(problem.Exact!);
        var random = new Random(99);
        var points = Enumerable.Range(0, ExactCheckPoints).Select(_ => sampler.Interior(random)).ToList();
        var u = PinnPredictor.Predict(model, points.Select(p => p[..problem.Inputs.Count]).ToList());
        double num = 0, den = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var e = exact(points[i]);
            num += (u[i] - e) * (u[i] - e);
            den += e * e;
        }

        return Math.Sqrt(num / Math.Max(den, 1e-300));
    }

    private static string Summary(PinnRun run, List<string> warnings)
    {
        var f = run.Final;
        var text = $"PINN run {run.Id} finished: {f["steps"]:F0} steps in {f["seconds"]:F1} s, final loss {f["loss"]:G3}" +
                   (f.TryGetValue("relative_l2_vs_exact", out var l2) ? $", relative L2 error vs the exact solution {l2:G3}" : "") + ".";
        if (run.Message is not null)
            text += " " + run.Message;
        text += $"\nModel and history: {run.Folder}.";
        return warnings.Count == 0 ? text : text + "\nWarnings: " + string.Join(" ", warnings);
    }

    private async Task StartTrackingAsync(PinnRun run, List<string> warnings, CancellationToken ct)
    {
        if (!tracking.IsAvailable)
            return;
        try
        {
            var experiment = await tracking.GetOrCreateExperimentAsync(Experiment, ct);
            var tags = new Dictionary<string, string> { [TrackingTags.Tool] = "pinn_train", [TrackingTags.Source] = "pinn_train", ["mcpflow.physics_run_id"] = run.Id };
            var tracked = await tracking.StartRunAsync(experiment, run.Id, tags, ct);
            run.TrackingRunId = tracked.RunId;
            var o = run.Options;
            var parameters = new Dictionary<string, string>
            {
                ["problem"] = run.Problem!.Kind, ["equation"] = run.Problem.Display, ["depth"] = Inv(o.Depth), ["width"] = Inv(o.Width),
                ["activation"] = o.Activation, ["hard_boundary"] = o.HardBoundary.ToString(), ["interior_points"] = Inv(o.InteriorPoints),
                ["adam_steps"] = Inv(o.AdamSteps), ["learning_rate"] = Inv(o.LearningRate), ["lbfgs_steps"] = Inv(o.LbfgsSteps), ["dtype"] = o.Dtype,
            };
            await tracking.LogParamsAsync(tracked.RunId, parameters, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Tracking start failed for {RunId}", run.Id);
            warnings.Add($"Tracking store unavailable ({ex.Message}); metrics are in history.csv only.");
            run.TrackingRunId = null;
        }
    }

    // Hands the pending points to the uplink (returns at once unless the store is far behind) and starts a new batch.
    private static void Flush(TrackingMetricsUplink? uplink, List<MetricPoint> pending)
    {
        if (uplink is null || pending.Count == 0)
            return;
        uplink.Post([.. pending]);
        pending.Clear();
    }

    // Waits until every posted batch is in the store. A store failure becomes a warning (history.csv is complete) and the
    // tracking run is left open as before; a cancelled training does not wait for batches still queued.
    private async Task CompleteMetricsAsync(PinnRun run, TrackingMetricsUplink? uplink, List<string> warnings)
    {
        if (uplink is null)
            return;
        Exception? failure;
        try
        {
            failure = await uplink.CompleteAsync();
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (failure is null)
            return;
        _logger.LogWarning(failure, "Tracking metrics failed for {RunId}", run.Id);
        warnings.Add($"Logging metrics to the tracking store failed ({failure.Message}); history.csv is complete.");
        run.TrackingRunId = null;
    }

    private async Task EndTrackingAsync(PinnRun run, TrackedRunStatus status, string? chart, List<string> warnings, CancellationToken ct)
    {
        if (!tracking.IsAvailable || run.TrackingRunId is null)
            return;
        try
        {
            if (run.Final.Count > 0)
                await tracking.LogMetricsAsync(run.TrackingRunId, run.Final.Select(f => new MetricPoint($"final_{f.Key}", f.Value, (long)run.Final.GetValueOrDefault("steps"), time.GetUtcNow().ToUnixTimeMilliseconds())).ToList(), ct);
            if (chart is not null)
                await tracking.LogArtifactAsync(run.TrackingRunId, chart, "charts", ct);
            await tracking.EndRunAsync(run.TrackingRunId, status, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Tracking end failed for {RunId}", run.Id);
            warnings.Add($"Closing the tracking run failed ({ex.Message}).");
        }
    }

    private static string Inv(double v) => v.ToString(CultureInfo.InvariantCulture);
}
