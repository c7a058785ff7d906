using McpFlow.Physics.Convergence;

namespace McpFlow.Physics.Training;

/// <summary>The "solver health" of a run for pinn_status.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="State">running, finished, failed, cancelled or interrupted.</param>
/// <param name="Step">Last logged step.</param>
/// <param name="PlannedSteps">Adam + L-BFGS steps planned.</param>
/// <param name="Phase">adam or lbfgs.</param>
/// <param name="Loss">The current total loss: for a finished run its saved model's; otherwise the last logged loss, or the
/// median of the last 5 logged losses when the last one is above it (a spike is not the state of the run).</param>
/// <param name="Components">Loss components.</param>
/// <param name="Weights">Loss weights.</param>
/// <param name="GradNorm">Gradient norm.</param>
/// <param name="LearningRate">Learning rate.</param>
/// <param name="Seconds">Seconds trained.</param>
/// <param name="SecondsPerStep">Recent seconds per step.</param>
/// <param name="Plateau">True when the best loss improved by less than 2% over the last quarter of the history.</param>
/// <param name="Advice">What to do about what the numbers show.</param>
/// <param name="Eta">Prediction to the target, when a target is known.</param>
/// <param name="Message">Notes of the run (stop reason, failure).</param>
/// <param name="Final">Final metrics when finished.</param>
/// <param name="LastLoggedLoss">The last logged total loss as it was measured.</param>
public sealed record TrainingHealth(string RunId, string State, long Step, long PlannedSteps, string Phase, double Loss,
    IReadOnlyDictionary<string, double> Components, IReadOnlyDictionary<string, double> Weights, double GradNorm, double LearningRate,
    double Seconds, double SecondsPerStep, bool Plateau, IReadOnlyList<string> Advice, ConvergencePrediction? Eta, string? Message,
    IReadOnlyDictionary<string, double> Final, double? LastLoggedLoss = null);
