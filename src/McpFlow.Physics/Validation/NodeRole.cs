namespace McpFlow.Physics.Validation;

/// <summary>What a node of an <see cref="FdGrid"/> is.</summary>
public enum NodeRole
{
    /// <summary>An unknown on which the equation is discretised (interior, Neumann face or periodic node 0).</summary>
    Active,
    /// <summary>On a Dirichlet face: u = g.</summary>
    Fixed,
    /// <summary>Node n of a periodic axis: a copy of node 0.</summary>
    Copy,
}
