using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Experiments.Views;

/// <summary>
/// The experiment explorer (MCP Apps view <c>ui://mcpflow/experiment-explorer</c>, <c>Views/experiment-explorer.html</c>),
/// linked from <c>analyze_mlflow_runs</c> and <c>mlflow_leaderboard</c>: the leaderboard with suggested runs marked, the
/// metric curves of the chosen runs, a scatter of a parameter against the metric and, on a click, the next suggestions of
/// <c>suggest_hyperparams</c>. What the tool's result lacks the view fetches through the host bridge with existing tools
/// (<c>mlflow_leaderboard</c>, <c>mlflow_search_runs</c> for the runs' params, <c>mlflow_get_run</c> page by page for the
/// curves), so it shows only what tool results carry.
/// </summary>
public static class ExperimentExplorerView
{
    /// <summary>The view's name (its URI is <c>ui://mcpflow/experiment-explorer</c>).</summary>
    public const string Name = "experiment-explorer";

    /// <summary>The view, built once from the embedded page.</summary>
    public static AppView View { get; } = AppView.FromEmbedded(typeof(ExperimentExplorerView).Assembly, "McpFlow.Experiments.Views.experiment-explorer.html", Name,
        "Experiment explorer", "An experiment's leaderboard, metric curves and params against the metric, with the next suggested hyperparameters.",
        ["analyze_mlflow_runs", "mlflow_leaderboard"]);
}
