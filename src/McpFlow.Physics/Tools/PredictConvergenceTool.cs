using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Convergence;
using McpFlow.Physics.Training;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Tools;

/// <summary><c>predict_convergence</c>.</summary>
[McpServerToolType]
public sealed class PredictConvergenceTool(PinnRunStore store)
{
    /// <summary>Predicts when a loss curve reaches a target.</summary>
    [McpServerTool(Name = "predict_convergence", Title = "Predict convergence time", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Predicts the steps and time to reach a target loss, from a PINN run or a loss history.")]
    public CallToolResult Predict(
        [Description("Target loss, e.g. 0.01.")] double target_loss,
        [Description("PINN run or job id, e.g. \"pinn-20261123-103000-ab12\".")] string? run_id = null,
        [Description("Losses, e.g. [0.9, 0.5, 0.3].")] double[]? losses = null,
        [Description("Their steps, e.g. [0, 10, 20].")] double[]? steps = null,
        [Description("Step time, e.g. 0.016.")][Range(0.0, 86_400.0)] double? seconds_per_step = null,
        CancellationToken cancellationToken = default)
    {
        if (!(target_loss > 0) || !double.IsFinite(target_loss))
            throw McpFlowException.Invalid($"target_loss must be a positive, finite loss; got {target_loss}.", "Give the loss you want to reach, e.g. target_loss = 0.001.");
        ConvergencePrediction prediction;
        if (run_id is not null)
        {
            if (losses is not null)
                throw McpFlowException.Invalid("Give either run_id or losses, not both.");
            var run = store.Get(run_id);
            cancellationToken.ThrowIfCancellationRequested(); // the history file is read next
            prediction = RunConvergence.Predict(run, target_loss, seconds_per_step ?? HealthReport.SecondsPerStep(run.History()));
        }
        else
        {
            if (losses is null)
                throw McpFlowException.Invalid("Give run_id (a PINN run or training job) or losses (a loss history).");
            var s = steps ?? Enumerable.Range(0, losses.Length).Select(i => (double)i).ToArray();
            prediction = RunConvergence.Bounded(ConvergencePredictor.Predict(s, losses, target_loss, seconds_per_step));
        }

        var text = prediction.Verdict + "\nModels: " + string.Join("; ", prediction.Models.Select(m =>
            $"{m.Family} weight {m.Weight:P0}" + (m.StepAtTarget is { } at ? $", target at {at:F0}" : ", never") + (m.Floor > 0 ? $", floor {m.Floor:G3}" : "")));
        return ToolResults.Create(text, prediction);
    }
}
