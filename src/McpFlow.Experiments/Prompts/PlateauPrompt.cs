using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Prompts;

/// <summary>The guided "my runs plateaued, what next?" workflow.</summary>
[McpServerPromptType]
public sealed class PlateauPrompt
{
    /// <summary>The prompt text.</summary>
    [McpServerPrompt(Name = "experiments_plateau_next_steps", Title = "My runs plateaued: what next?")]
    [Description("Guides the assistant through diagnosing a plateau in an MLflow experiment and proposing explained, concrete next runs.")]
    public static string PlateauNextSteps(
        [Description("Experiment name or id, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Target metric, e.g. \"val_accuracy\".")] string metric) =>
        $"""
        My recent runs in the MLflow experiment "{experiment}" seem to plateau on {metric}. Please:
        1. Call analyze_mlflow_runs with experiment="{experiment}" and metric="{metric}". Tell me where the best runs stop improving (step), which params are constant and which matter (and how importance was measured), and any overfitting or failed runs.
        2. Explain in plain words why the plateau happens, based on those findings (e.g. a constant learning rate, a fixed batch size, training past the useful epochs).
        3. Call suggest_hyperparams for the same experiment and metric (3 suggestions). State the search space it used, and for each suggestion the predicted {metric} ± uncertainty and what drives it.
        4. Recommend one concrete next run (params, schedule, early stopping) and say what improvement to expect and how sure we are.
        5. When I have trained it, log it with mlflow_log_run passing its suggestion_id, then show mlflow_leaderboard for "{experiment}" on {metric}.
        """;
}
