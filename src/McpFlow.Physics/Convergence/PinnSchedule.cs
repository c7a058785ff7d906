using McpFlow.Physics.Training;

namespace McpFlow.Physics.Convergence;

/// <summary>The learning rate of a PINN run's Adam phase at a step, as <see cref="PinnTrainer"/> sets it (×0.5 from 50%
/// and ×0.25 from 80% of the Adam steps): the known schedule <see cref="EtaFeatures"/> looks ahead on.</summary>
public static class PinnSchedule
{
    /// <summary>The learning rate at step <paramref name="step"/> of a run with <paramref name="options"/> (the last Adam
    /// rate beyond the Adam phase).</summary>
    public static double LearningRate(TrainingOptions options, double step) =>
        options.LearningRate * (step >= 0.8 * options.AdamSteps ? 0.25 : step >= 0.5 * options.AdamSteps ? 0.5 : 1);
}
