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
    [McpServerTool(Name = "predict_convergence", Title = "Predict convergence time", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ConvergencePrediction))]
    [Description("Predicts how many steps (and seconds) a training needs to reach a target loss, from a PINN run/job or from a loss history " +
                 "you give. Fits exponential, power-law, both with a floor, and stretched-exponential learning curves to the log-loss, weighs " +
                 "them by AIC, and answers the step with a ~80% interval — calibrated on recorded McpFlow PINN runs for a run in its Adam phase, on synthetic " +
                 "curves for a history you give — or says clearly that the target will not be reached " +
                 "because the fitted floor is above it. A run that is no longer training is answered from its history (when it reached the target, " +
                 "or that it ended above it), and no answer extrapolates beyond 10× the steps seen.")]
    public CallToolResult Predict(
        [Description("Target loss, e.g. 0.01.")] double target_loss,
        [Description("PINN run id (pinn-yyyyMMdd-HHmmss-xxxx) or the id of the job that trained it (job-…), as pinn_train or pinn_list_runs return them; never a path, e.g. \"pinn-20261123-103000-ab12\". Omit when giving losses.")] string? run_id = null,
        [Description("Loss values, one per step, when no run_id is given; e.g. [0.9, 0.5, 0.31, …] (at least 10).")] double[]? losses = null,
        [Description("Steps of those losses; default 0, 1, 2, …; e.g. [0, 10, 20, …].")] double[]? steps = null,
        [Description("Seconds per step, to convert steps into time (a run's own timing is used when run_id is given); e.g. 0.016.")][Range(0.0, 86_400.0)] double? seconds_per_step = null,
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
