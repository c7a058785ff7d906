using System.ComponentModel;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Presentation;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_run_card</c> tool.</summary>
[McpServerToolType]
public sealed class RunCardTool(RunStore store)
{
    /// <summary>Presents a run.</summary>
    [McpServerTool(Name = "workbench_run_card", Title = "Present a run (card)", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Shows a run as a card to present before asking for a decision.")]
    public async Task<CallToolResult> Card(
        [Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string run_id,
        CancellationToken cancellationToken = default)
    {
        var run = store.Load(RunIds.Require(run_id));
        var images = new List<ContentBlock>();
        foreach (var figure in RunCard.Figures(run))
            images.Add(ToolResults.Png(await File.ReadAllBytesAsync(figure, cancellationToken)));
        return ToolResults.Create(RunCard.Render(run), ToolResults.WithNextSteps(RunViews.Full(run), RunCard.NextSteps(run)), images);
    }
}
