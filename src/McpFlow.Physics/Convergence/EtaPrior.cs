namespace McpFlow.Physics.Convergence;

/// <summary>
/// The learned prior of predict_convergence: ln(T/S), the log of the step T at which the target is reached over the
/// last step seen S, as a linear function of <see cref="EtaFeatures.Vector"/>, with an interval from the 10% and 90%
/// quantiles of the residuals on curve families left out of the fit (conformal-style).
/// </summary>
/// <param name="Name">What it was fitted on.</param>
/// <param name="Weights">One weight per entry of <see cref="EtaFeatures.Vector"/>.</param>
/// <param name="Low">10% quantile of held-out residuals ln(T/S) − prediction.</param>
/// <param name="High">90% quantile of held-out residuals.</param>
public sealed record EtaPrior(string Name, IReadOnlyList<double> Weights, double Low, double High)
{
    /// <summary>Predicted ln(T/S), at least 0 (the target is not reached before the last step seen).</summary>
    public double LogRatio(EtaFeatures features)
    {
        var v = features.Vector;
        return Math.Max(0, v.Select((x, i) => x * Weights[i]).Sum());
    }

    /// <summary>The shipped prior, fitted on every recorded curve (PINN and PyTorch, tools/bench/physics/curves and
    /// curves-torch) replayed by <see cref="EtaReplay"/>; printed by
    /// <c>dotnet run -c Release --project tools/bench/physics/EtaBench</c> and recomputed by EtaPriorTests.</summary>
    public static EtaPrior Fitted { get; } = new("98 recorded curves (12 families)",
        [1.2202174892963464, -0.05171986967016372, 0.13189085625867802, -0.03464282051504458, -0.007961441729229479, 0.05460567446912891,
            0.15500583172057783, 0.08520604632648086],
        -0.508199709216312, 0.6505981444257641);
}
