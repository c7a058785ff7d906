using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;

namespace McpFlow.Core.Runs;

/// <summary>How a tool records its step as a workbench run (one place, so every group does it the same way).</summary>
public static class RunRecording
{
    /// <summary>
    /// Begins a run, lets <paramref name="writeOutputs"/> write the step's outputs into the run's folder and describe
    /// them, then completes the run (which self-reviews it). Returns null, writing nothing, when the recorder is
    /// <see cref="AbsentRunRecorder"/> (a host without the workbench group). A failure while writing outputs is recorded on the run and rethrown.
    /// </summary>
    public static async Task<RecordedRun?> RecordAsync(this IRunRecorder recorder, RunStart start, Func<string, RunOutcome> writeOutputs,
        CancellationToken cancellationToken)
    {
        if (!recorder.IsAvailable)
            return null;
        var scope = recorder.Begin(start);
        RunOutcome outcome;
        try
        {
            outcome = writeOutputs(scope.Folder);
        }
        catch (Exception ex)
        {
            // The run record is shown to clients (run card, list): never an engine message, only its type and log id
            // (the error filter logs the exception under the same id when it reaches the boundary).
            await recorder.FailAsync(scope, ErrorReport.ForClient(ex, start.Tool), CancellationToken.None);
            throw;
        }

        return await recorder.CompleteAsync(scope, outcome, cancellationToken);
    }

    /// <summary>A tool's structured result with the recorded run added as <c>workbenchRun</c> and the run's next steps
    /// (<see cref="NextSteps"/>) in <c>nextSteps</c> (the result's own shape is otherwise unchanged, so clients reading
    /// it keep working).</summary>
    public static JsonObject WithRun(object result, RecordedRun? run)
    {
        var node = WithRunOnly(result, run);
        return run is null ? node : ToolResults.WithNextSteps(node, NextSteps(run));
    }

    /// <summary>The result of a job whose step is recorded as a run: the summary ends with the run's <see cref="Status"/>,
    /// the data is the result with <c>workbenchRun</c>, and the next steps (<paramref name="nextSteps"/>, then the run's)
    /// are the job result's own (<see cref="Jobs.JobResult.NextSteps"/>), which the answer delivering it puts at the end of
    /// the text and in the structured content.</summary>
    public static JobResult ForJob(string summary, object result, RecordedRun? run, IReadOnlyList<string> nextSteps,
        IReadOnlyList<string>? artifacts = null) =>
        new(run is null ? summary : summary.TrimEnd() + "\n\n" + Status(run), WithRunOnly(result, run), artifacts)
        {
            NextSteps = run is null ? nextSteps : [.. nextSteps, .. NextSteps(run)],
        };

    /// <summary>One line for a tool's text answer: the run, its state and what to do next (<see cref="NextSteps"/>).</summary>
    public static string Describe(RecordedRun run) => Status(run) + " " + string.Join(" ", NextSteps(run));

    /// <summary>The run and its state: <see cref="Describe"/> without the next steps.</summary>
    public static string Status(RecordedRun run) =>
        $"Workbench run {run.RunId}: {run.State}, {run.ChecksPassed} self-review check(s) passed" +
        (run.ChecksFailed.Count == 0 ? "" : $", {run.ChecksFailed.Count} failed ({string.Join("; ", run.ChecksFailed)})") + ".";

    /// <summary>What to do with a recorded run next: the sentences ending <see cref="Describe"/>, also the structured
    /// result's <c>nextSteps</c> (<see cref="WithRun"/>).</summary>
    public static IReadOnlyList<string> NextSteps(RecordedRun run) =>
        ["Present it with workbench_run_card; approve or reject it with workbench_request_approval or workbench_decide."];

    private static JsonObject WithRunOnly(object result, RecordedRun? run)
    {
        var node = JsonSerializer.SerializeToNode(result, result.GetType(), McpFlowJson.Options) as JsonObject
            ?? throw new ArgumentException("The result must serialize to a JSON object.", nameof(result));
        if (run is not null)
            node["workbenchRun"] = JsonSerializer.SerializeToNode(run, McpFlowJson.Options);
        return node;
    }
}
