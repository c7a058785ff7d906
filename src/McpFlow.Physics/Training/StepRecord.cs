namespace McpFlow.Physics.Training;

/// <summary>One logged optimisation step.</summary>
/// <param name="Step">Global step (Adam steps, then L-BFGS iterations).</param>
/// <param name="Phase">adam or lbfgs.</param>
/// <param name="Loss">Weighted total loss.</param>
/// <param name="Components">Unweighted loss components (residual, boundary, initial).</param>
/// <param name="Weights">Loss weights in force.</param>
/// <param name="LearningRate">Learning rate.</param>
/// <param name="GradNorm">L2 norm of the gradient of the total loss.</param>
/// <param name="Seconds">Wall-clock seconds since training began.</param>
public sealed record StepRecord(long Step, string Phase, double Loss, IReadOnlyDictionary<string, double> Components,
    IReadOnlyDictionary<string, double> Weights, double LearningRate, double GradNorm, double Seconds);
