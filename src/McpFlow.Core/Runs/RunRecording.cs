using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
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
        var node = JsonSerializer.SerializeToNode(result, result.GetType(), McpFlowJson.Options) as JsonObject
            ?? throw new ArgumentException("The result must serialize to a JSON object.", nameof(result));
        if (run is null)
            return node;
        node["workbenchRun"] = JsonSerializer.SerializeToNode(run, McpFlowJson.Options);
        return ToolResults.WithNextSteps(node, NextSteps(run));
    }

    /// <summary>One line for a tool's text answer: the run, its state and what to do next (<see cref="NextSteps"/>).</summary>
    public static string Describe(RecordedRun run) =>
        $"Workbench run {run.RunId}: {run.State}, {run.ChecksPassed} self-review check(s) passed" +
        (run.ChecksFailed.Count == 0 ? "" : $", {run.ChecksFailed.Count} failed ({string.Join("; ", run.ChecksFailed)})") +
        ". " + string.Join(" ", NextSteps(run));

    /// <summary>What to do with a recorded run next: the sentences ending <see cref="Describe"/>, also the structured
    /// result's <c>nextSteps</c> (<see cref="WithRun"/>).</summary>
    public static IReadOnlyList<string> NextSteps(RecordedRun run) =>
        ["Present it with workbench_run_card; approve or reject it with workbench_request_approval or workbench_decide."];
}
