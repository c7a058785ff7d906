using McpFlow.Core.Errors;

namespace McpFlow.Core.Tuning;

/// <summary>The <see cref="IHyperparameterOptimizer"/> Core registers when no group offers one (a host built without the
/// experiments group): tuning refuses with an actionable Unavailable error.</summary>
public sealed class AbsentHyperparameterOptimizer : IHyperparameterOptimizer
{
    /// <inheritdoc />
    public bool IsAvailable => false;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Next(IReadOnlyList<TuningParameter> space, IReadOnlyList<TuningObservation> observations, bool maximize, int seed) =>
        throw McpFlowException.Unavailable("Automatic tuning is not available in this server (the experiments group is not installed).",
            "Train with pipeline_train and explicit hyperparameters instead.");
}
