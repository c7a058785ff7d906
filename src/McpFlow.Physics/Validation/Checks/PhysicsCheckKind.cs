namespace McpFlow.Physics.Validation.Checks;

/// <summary>The physics-aware checks validate_solution knows.</summary>
public enum PhysicsCheckKind
{
    /// <summary>u(x') = u(x) under the reflection x' = min + max - x of one space axis.</summary>
    EvenSymmetry,
    /// <summary>u(x') = -u(x) under that reflection.</summary>
    OddSymmetry,
    /// <summary>∫u dx is constant in time.</summary>
    MassConservation,
    /// <summary>E(t) = ½∫(u_t² + c²|∇u|²) dx is constant in time (wave equation).</summary>
    EnergyConservation,
    /// <summary>max|u| does not exceed the largest initial or boundary value (diffusion without source).</summary>
    MaximumPrinciple,
}
