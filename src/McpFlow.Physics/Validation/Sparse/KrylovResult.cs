namespace McpFlow.Physics.Validation.Sparse;

/// <summary>The outcome of a Krylov solve.</summary>
/// <param name="Solution">The last iterate.</param>
/// <param name="Iterations">Matrix-vector products used.</param>
/// <param name="RelativeResidual">‖b - A·x‖₂ / ‖b‖₂ of the last iterate, recomputed explicitly.</param>
/// <param name="Converged">True when the relative residual reached the tolerance.</param>
public sealed record KrylovResult(double[] Solution, int Iterations, double RelativeResidual, bool Converged);
