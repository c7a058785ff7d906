namespace McpFlow.Physics.Validation.Checks;

/// <summary>Tolerances of the physics-aware checks, with where each comes from.</summary>
public static class CheckTolerances
{
    /// <summary>
    /// Accepted violation of a symmetry, conservation law or maximum principle, relative to the solution's scale:
    /// 1%. The PINN accuracy goal is a relative L2 error of 1e-3 (docs/physics.md); a model within it breaks these
    /// laws by about that much (a symmetry by at most twice its max error), so 1% leaves a 10× margin, while the
    /// measurement's own error (Simpson quadrature, finite differences of step ~ε_float32^(1/3)) is below 1e-4.
    /// </summary>
    public const double Relative = 1e-2;

    /// <summary>Text shown with <see cref="Relative"/>.</summary>
    public const string RelativeSource =
        "1% of the solution's scale: 10× the PINN accuracy goal (relative L2 1e-3), well above the measurement's own error (< 1e-4)";

    /// <summary>
    /// Relative mismatch under which two evaluations of an expression count as equal when detecting invariance
    /// (g(x) = ±g(x')): reflected points differ from the originals by rounding only, so equal values agree to ~1e-15;
    /// 1e-9 leaves room for cancellation in longer expressions and still separates any genuine asymmetry.
    /// </summary>
    public const double Invariance = 1e-9;

    /// <summary>Largest |value| of a source or boundary expression still treated as identically zero (rounding of
    /// expressions such as sin(pi) is ~1e-16).</summary>
    public const double Zero = 1e-12;

    /// <summary>Random points at which each expression is compared with its reflection.</summary>
    public const int DetectionSamples = 64;
}
