namespace McpFlow.Core.Tuning;

/// <summary>One numeric dimension of a tuning search space.</summary>
/// <param name="Name">Hyperparameter name, e.g. <c>learning_rate</c>.</param>
/// <param name="IsInteger">True for integer-valued hyperparameters (rounded).</param>
/// <param name="Low">Lower bound (inclusive).</param>
/// <param name="High">Upper bound (inclusive, above <paramref name="Low"/>).</param>
/// <param name="Log">Search on a log scale (needs <paramref name="Low"/> &gt; 0).</param>
public sealed record TuningParameter(string Name, bool IsInteger, double Low, double High, bool Log);
