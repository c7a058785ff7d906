using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Core.Runs;
using McpFlow.Core.Security;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Runs;

/// <summary>
/// Gives steps their run folders and records (the <see cref="IRunRecorder"/> contract), re-executes rejected or
/// stale runs, and re-runs the self-review.
/// </summary>
public sealed class RunRecorder(RunStore store, SelfReviewer reviewer) : IRunRecorder
{
    /// <summary>Name of the folder under a run that keeps earlier attempts (<c>attempts/1</c>, …).</summary>
    public const string AttemptsFolder = "attempts";

    /// <inheritdoc />
    public RunScope Begin(RunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var now = store.Time.GetUtcNow();
        var runId = RunIds.New(now);
        var folder = store.FolderOf(runId);
        var inputs = store.HashInputs(start.Inputs);
        Directory.CreateDirectory(Path.Combine(folder, RunStore.OutputsFolder));
        var manifest = new RunManifest
        {
            RunId = runId, Tool = start.Tool, Kind = start.Kind, Title = start.Title, Experiment = start.Experiment,
            Parameters = SecretRedactor.Redact(start.Parameters), Inputs = inputs, RecordedBy = CallerScope.Current.Name, State = RunState.Stale,
            History = [new StateChange(RunState.Stale, now, "begun: not yet executed")], StartedAt = now, Versions = Versions.Current(),
        };
        store.WriteManifest(manifest, "begun");
        return new RunScope(runId, Path.Combine(folder, RunStore.OutputsFolder), now);
    }

    /// <summary>
    /// Starts a new attempt of a REJECTED or STALE run: the previous attempt's manifest, review and outputs move
    /// to <c>attempts/N/</c> (nothing is lost), the rejection feedback is carried into the new manifest, and the run
    /// becomes STALE until <see cref="CompleteAsync"/>.
    /// </summary>
    public RunScope BeginRerun(string runId, RunStart start)
    {
        using var held = store.Exclusive(runId);
        lock (store.Sync)
        {
            var run = store.Load(runId);
            if (run.State is not (RunState.Rejected or RunState.Stale))
                throw McpFlowException.Conflict($"Run {runId} is {run.State.Name()}; only REJECTED or STALE runs are re-executed.",
                    run.State == RunState.Approved
                        ? "An approved run is final; record a new run for new results."
                        : "Decide on it first (workbench_request_approval or workbench_decide); reject it with feedback to re-execute it.");
            var manifest = run.State == RunState.Rejected ? store.Transition(run.Manifest, RunState.Stale, "re-execution requested after rejection") : run.Manifest;
            Archive(store, run);
            var now = store.Time.GetUtcNow();
            manifest = manifest with
            {
                Tool = start.Tool,
                Kind = start.Kind,
                Title = start.Title,
                Experiment = start.Experiment ?? manifest.Experiment,
                Parameters = SecretRedactor.Redact(start.Parameters),
                Inputs = store.HashInputs(start.Inputs),
                Outputs = [],
                Metrics = new Dictionary<string, double>(),
                Summary = null,
                Recommendation = null,
                Error = null,
                Attempt = run.Manifest.Attempt + 1,
                RecordedBy = CallerScope.Current.Name,
                AddressesFeedback = run.CurrentDecision?.Feedback ?? run.Manifest.AddressesFeedback,
                StartedAt = now,
                CompletedAt = null,
                DurationSeconds = null,
                Versions = Versions.Current(),
            };
            store.WriteManifest(manifest, $"attempt {manifest.Attempt} begun");
            Directory.CreateDirectory(Path.Combine(run.Folder, RunStore.OutputsFolder));
            return new RunScope(runId, Path.Combine(run.Folder, RunStore.OutputsFolder), now);
        }
    }

    /// <inheritdoc />
    public Task<RecordedRun> CompleteAsync(RunScope run, RunOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outcome);
        using var held = store.Exclusive(run.RunId);
        lock (store.Sync)
        {
            var snapshot = store.Load(run.RunId);
            var now = store.Time.GetUtcNow();
            var executed = store.Transition(snapshot.Manifest, RunState.Executed, $"{outcome.OutputFiles.Count} output(s) recorded") with
            {
                Outputs = store.HashOutputs(snapshot.Folder, outcome.OutputFiles),
                Metrics = new Dictionary<string, double>(outcome.Metrics),
                Summary = outcome.Summary,
                Recommendation = outcome.Recommendation,
                TrackingRunId = outcome.TrackingRunId,
                CompletedAt = now,
                DurationSeconds = (now - run.StartedAt).TotalSeconds,
                Error = null,
            };
            store.WriteManifest(executed, "executed");
            return Task.FromResult(ToRecorded(ReviewLocked(snapshot with { Manifest = executed }, cancellationToken)));
        }
    }

    /// <inheritdoc />
    public Task FailAsync(RunScope run, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var held = store.Exclusive(run.RunId);
        lock (store.Sync)
        {
            var snapshot = store.Load(run.RunId);
            if (snapshot.State != RunState.Stale)
                throw McpFlowException.Conflict($"Run {run.RunId} is {snapshot.State.Name()}; only a run being executed (STALE) can fail.");
            var failed = snapshot.Manifest with { Error = error, CompletedAt = store.Time.GetUtcNow() };
            store.WriteManifest(failed, "failed: " + error);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs the self-review again on an EXECUTED or REVIEWED run and records it.</summary>
    public RunSnapshot Review(string runId, CancellationToken cancellationToken)
    {
        using var held = store.Exclusive(runId);
        lock (store.Sync)
            return ReviewLocked(store.Load(runId), cancellationToken);
    }

    /// <summary>The contract's view of a run.</summary>
    public static RecordedRun ToRecorded(RunSnapshot run) => new(run.RunId, run.Folder, run.State.Name(), run.Review?.Passed ?? 0,
        run.Review?.Checks.Where(c => !c.Passed).Select(c => $"{c.Check}: {c.Details}").ToList() ?? []);

    private RunSnapshot ReviewLocked(RunSnapshot run, CancellationToken cancellationToken)
    {
        RunStateMachine.Ensure(run.RunId, run.State, RunState.Reviewed);
        var input = new ReviewInput(run.Manifest.Outputs.Select(run.OutputPath).ToList(), run.Manifest.Metrics, run.Manifest.Summary);
        var review = new ReviewRecord
        {
            RunId = run.RunId, Attempt = run.Manifest.Attempt, ReviewedAt = store.Time.GetUtcNow(), Checks = reviewer.Review(input, cancellationToken),
        };
        store.Write(run.RunId, RunStore.ReviewFile, review, RunState.Reviewed.Name(), $"self-review: {review.Passed}/{review.Checks.Count} checks passed");
        var reviewed = store.Transition(run.Manifest, RunState.Reviewed, $"self-review: {review.Passed}/{review.Checks.Count} checks passed");
        store.WriteManifest(reviewed, "reviewed");
        return run with { Manifest = reviewed, Review = review };
    }

    private static void Archive(RunStore store, RunSnapshot run)
    {
        store.ArchiveRecords(run.RunId, run.Manifest.Attempt);
        var target = Path.Combine(run.Folder, AttemptsFolder, run.Manifest.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(target);
        var outputs = Path.Combine(run.Folder, RunStore.OutputsFolder);
        if (Directory.Exists(outputs))
            Directory.Move(outputs, Path.Combine(target, RunStore.OutputsFolder));
    }
}
