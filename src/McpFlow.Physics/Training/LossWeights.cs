namespace McpFlow.Physics.Training;

/// <summary>
/// Adaptive loss weights by gradient-norm balancing (Wang, Wang, Bhartiya, Perdikaris 2023, "An expert's guide to training
/// PINNs"): λ̂_i = Σ_j ‖∇L_j‖ / ‖∇L_i‖, which is ≥ 1. Bounded and smoothed: λ̂ is clamped to [1, <see cref="MaxWeight"/>]
/// and averaged geometrically, log λ ← 0.9·log λ + 0.1·log λ̂, so one update changes a weight by at most
/// <see cref="MaxWeight"/>^0.1 ≈ 2× and a term whose gradient vanishes (already satisfied) cannot drive its weight to
/// 10⁷ as the arithmetic average did (issue 18: Allen-Cahn's boundary weight reached 7.4e7 and the loss spiked to 1e4).
/// </summary>
public sealed class LossWeights
{
    /// <summary>Largest weight: a term weighted 1000× its gradient share is three orders of magnitude better satisfied
    /// than the rest; raising it further only amplifies its noise.</summary>
    public const double MaxWeight = 1000;

    private const double Smoothing = 0.9; // as before: the moving average keeps 90% of the previous (log) weight

    private readonly Dictionary<string, double> _values;

    /// <summary>All weights start at 1.</summary>
    public LossWeights(IEnumerable<string> components) =>
        _values = components.ToDictionary(c => c, _ => 1.0, StringComparer.Ordinal);

    /// <summary>The weights in force.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>The weight of a component.</summary>
    public double this[string component] => _values[component];

    /// <summary>Puts back weights saved in a checkpoint: components of this training only, each clamped to
    /// [1, <see cref="MaxWeight"/>]; non-finite values are ignored.</summary>
    public void Restore(IReadOnlyDictionary<string, double> saved)
    {
        foreach (var (name, value) in saved)
            if (_values.ContainsKey(name) && double.IsFinite(value))
                _values[name] = Math.Clamp(value, 1, MaxWeight);
    }

    /// <summary>Updates the weights from the gradient norms of the components; returns true when a weight changed.
    /// Components with a zero or non-finite norm keep their weight.</summary>
    public bool Update(IReadOnlyDictionary<string, double> gradientNorms)
    {
        var sum = gradientNorms.Values.Where(double.IsFinite).Sum();
        if (!(sum > 0))
            return false;
        var changed = false;
        foreach (var (name, norm) in gradientNorms)
        {
            if (!(norm > 0) || !double.IsFinite(norm))
                continue;
            var target = Math.Clamp(sum / norm, 1, MaxWeight);
            var next = Math.Exp(Smoothing * Math.Log(_values[name]) + (1 - Smoothing) * Math.Log(target));
            changed |= next != _values[name];
            _values[name] = next;
        }

        return changed;
    }
}
