namespace McpFlow.Physics.Training.Optimisation;

/// <summary>One L-BFGS iteration.</summary>
/// <param name="Accepted">The measurement at the parameters the iteration ended at (they are in the network).</param>
/// <param name="Evaluations">Loss and gradient evaluations it took.</param>
/// <param name="Converged">Why L-BFGS cannot make progress any more (gradient, step or loss change below tolerance,
/// no descent direction), or null.</param>
public sealed record LbfgsIteration<T>(T Accepted, int Evaluations, string? Converged);
