using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Physics.Views;

/// <summary>
/// The training monitor (MCP Apps view <c>ui://mcpflow/training-monitor</c>, <c>Views/training-monitor.html</c>) for
/// <c>pinn_train</c> and <c>pinn_status</c>: while the run trains it calls <c>pinn_status</c> through the host bridge once a
/// second and shows the loss, its components and weights, a loss curve of the polled steps and the predicted time to the
/// target loss with its interval; a button cancels the run's job (<c>job_cancel</c>); a finished run's button calls
/// <c>validate_solution</c> and shows its verdict and its solution and error charts. Polling stops when the run ends or
/// the host tears the view down. It shows only what those tool results carry.
/// </summary>
public static class TrainingMonitorView
{
    /// <summary>The view's name (its URI is <c>ui://mcpflow/training-monitor</c>).</summary>
    public const string Name = "training-monitor";

    /// <summary>The view, built once from the embedded page.</summary>
    public static AppView View { get; } = AppView.FromEmbedded(typeof(TrainingMonitorView).Assembly, "McpFlow.Physics.Views.training-monitor.html", Name,
        "Training monitor", "A PINN training's live losses and time to target, with cancel, then its validated solution and error maps.",
        ["pinn_train", "pinn_status"]);
}
