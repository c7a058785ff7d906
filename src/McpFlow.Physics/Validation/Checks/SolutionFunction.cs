namespace McpFlow.Physics.Validation.Checks;

/// <summary>The solution under test: u at each point, points given as rows in the network's input order (space axes,
/// then t). The trained model provides it through <c>PinnPredictor.Predict</c>; tests pass closed forms.</summary>
public delegate double[] SolutionFunction(IReadOnlyList<double[]> points);
