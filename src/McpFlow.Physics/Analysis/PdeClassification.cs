namespace McpFlow.Physics.Analysis;

/// <summary>What kind of PDE a residual describes.</summary>
/// <param name="Type">elliptic, parabolic, hyperbolic, first-order hyperbolic, or mixed/degenerate.</param>
/// <param name="Linear">True when the residual is affine in u and its derivatives.</param>
/// <param name="Order">Highest derivative order.</param>
/// <param name="TimeOrder">Highest order in t.</param>
/// <param name="PrincipalEigenvalues">Eigenvalues of the second-order coefficient matrix (space then time).</param>
public sealed record PdeClassification(string Type, bool Linear, int Order, int TimeOrder, IReadOnlyList<double> PrincipalEigenvalues);
