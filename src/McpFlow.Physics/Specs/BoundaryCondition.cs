using McpFlow.Physics.Expressions;

namespace McpFlow.Physics.Specs;

/// <summary>A compiled boundary condition on one face.</summary>
/// <param name="Face">The face.</param>
/// <param name="Kind">Dirichlet, Neumann or periodic.</param>
/// <param name="Value">g (null for periodic).</param>
/// <param name="ValueText">g as written.</param>
public sealed record BoundaryCondition(Face Face, BoundaryKind Kind, Expr? Value, string? ValueText);
