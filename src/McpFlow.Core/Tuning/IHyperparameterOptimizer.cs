namespace McpFlow.Core.Tuning;

/// <summary>
/// Proposes the next hyperparameters of a tuning loop from the evaluations so far. Implemented by the experiments group
/// (the Bayesian optimiser behind suggest_hyperparams); without it, Core's <see cref="AbsentHyperparameterOptimizer"/>
/// refuses with an actionable message.
/// </summary>
public interface IHyperparameterOptimizer
{
    /// <summary>True when suggestions can be made.</summary>
    bool IsAvailable { get; }

    /// <summary>The next point to evaluate (MLflow param strings by name); deterministic for the same
    /// <paramref name="space"/>, <paramref name="observations"/> and <paramref name="seed"/>.</summary>
    IReadOnlyDictionary<string, string> Next(IReadOnlyList<TuningParameter> space, IReadOnlyList<TuningObservation> observations, bool maximize, int seed);
}
