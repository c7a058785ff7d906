using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Workbench.Views;

/// <summary>
/// The review card (MCP Apps view <c>ui://mcpflow/review-card</c>, <c>Views/review-card.html</c>): a run's metrics, figures,
/// self-review checks and draft interpretation from the result of <c>workbench_run_card</c> (or, after
/// <c>workbench_request_approval</c>, the card it fetches through the host), with approve, approve-with-edits and reject
/// controls that call <c>workbench_decide</c> through the host bridge. It shows only what the tool result carries.
/// </summary>
public static class ReviewCardView
{
    /// <summary>The view's name (its URI is <c>ui://mcpflow/review-card</c>).</summary>
    public const string Name = "review-card";

    /// <summary>The view, built once from the embedded page.</summary>
    public static AppView View { get; } = AppView.FromEmbedded(typeof(ReviewCardView).Assembly, "McpFlow.Workbench.Views.review-card.html", Name,
        "Run review card", "A run's metrics, figures, self-review and draft interpretation, with approve and reject controls.",
        ["workbench_run_card", "workbench_request_approval"]);
}
