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
    [Description("Ranks an experiment's runs by a metric, marking suggested runs.")]
    public async Task<CallToolResult> Rank(
        [Description("Experiment, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Metric, e.g. \"val_acc\".")] string metric,
        [Description("e.g. maximize or minimize.")] string direction = "auto",
        [Description("Rows, e.g. 10.")][Range(1, 200)] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        var board = await leaderboards.BuildAsync(experiment, metric, direction, Math.Clamp(limit, 1, 200), cancellationToken);
        return ToolResults.Create(LeaderboardService.Format(board), board);
    }
}
