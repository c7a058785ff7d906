using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Tools;

/// <summary>Structured views of runs for tool results.</summary>
internal static class RunViews
{
    public static object Summary(RunSnapshot run) => new
    {
        runId = run.RunId,
        title = run.Manifest.Title,
        state = run.State.Name(),
        attempt = run.Manifest.Attempt,
        experiment = run.Manifest.Experiment,
        folder = run.Folder,
        metrics = run.Manifest.Metrics,
        checksPassed = run.Review?.Passed,
        checksFailed = run.Review?.Checks.Where(c => !c.Passed).ToList(),
        decision = run.CurrentDecision?.Decision.Name(),
    };

    public static object Full(RunSnapshot run) => new
    {
        runId = run.RunId,
        state = run.State.Name(),
        folder = run.Folder,
        manifest = run.Manifest,
        review = run.Review,
        approval = run.Approval,
    };
}
