namespace McpFlow.Physics.Specs;

/// <summary>Kinds of boundary condition.</summary>
public enum BoundaryKind
{
    /// <summary>u = g on the face.</summary>
    Dirichlet,
    /// <summary>∂u/∂n = g (outward normal) on the face.</summary>
    Neumann,
    /// <summary>u and ∂u/∂n match on the two opposite faces of the axis.</summary>
    Periodic,
}
