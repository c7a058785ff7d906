using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Analysis;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_leaderboard</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class LeaderboardTool(LeaderboardService leaderboards)
{
    /// <summary>Ranks runs.</summary>
    [McpServerTool(Name = "mlflow_leaderboard", Title = "Leaderboard of runs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Ranks an experiment's runs by a metric: the best is highlighted, runs made from a suggest_hyperparams suggestion are marked with the suggestion's explanation and whether they beat the best earlier run (and by how much).")]
    public async Task<CallToolResult> Rank(
        [Description("Experiment name or id, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Metric to rank by, e.g. \"val_accuracy\".")] string metric,
        [Description("\"maximize\", \"minimize\" or \"auto\" (minimise names with loss/error). Default auto; e.g. \"maximize\".")] string direction = "auto",
        [Description("Rows to show, 1-200. Default 20; e.g. 10.")][Range(1, 200)] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        var board = await leaderboards.BuildAsync(experiment, metric, direction, Math.Clamp(limit, 1, 200), cancellationToken);
        return ToolResults.Create(LeaderboardService.Format(board), board);
    }
}
