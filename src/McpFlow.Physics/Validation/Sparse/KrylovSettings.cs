namespace McpFlow.Physics.Validation.Sparse;

/// <summary>Settings of <see cref="GmresSolver"/>.</summary>
/// <param name="Tolerance">Relative residual ‖b - A·x‖₂ / ‖b‖₂ to reach.</param>
/// <param name="Restart">Krylov vectors kept before a restart.</param>
/// <param name="MaxIterations">Iterations (matrix-vector products) allowed in total.</param>
public sealed record KrylovSettings(double Tolerance, int Restart, int MaxIterations)
{
    /// <summary>The finite-difference references' settings. Tolerance 1e-10: the algebraic error is then at most
    /// cond(A)·1e-10, about 1e-6 of the solution for the grids used (cond ≈ 4/(π²h²) ≤ 1e4 in 2D and 3D), below their O(h²)
    /// truncation error (≥ 5e-5 on the benchmark problems, docs/physics.md), and it stays above the rounding floor
    /// (~1e-12 relative for 1/h² ≤ 2e4). Restart 50: with ILU(0), 2D and 3D Poisson converge within one or two cycles.
    /// 2000 iterations: 20× what the 3D benchmark needs; a system that needs more is (nearly) singular.</summary>
    public static KrylovSettings Reference { get; } = new(1e-10, 50, 2000);
}
