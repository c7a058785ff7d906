namespace McpFlow.Physics.Specs;

/// <summary>A named equation family: its residual template (written as lhs - rhs = 0 over LAP, the Laplacian of
/// the domain's space variables, and ADV, the advection term), default coefficients and requirements.</summary>
/// <param name="Name">Preset name.</param>
/// <param name="Template">Residual template.</param>
/// <param name="Defaults">Default coefficients, with the source of each value in <see cref="PdePresets"/>.</param>
/// <param name="NeedsTime">True when the equation evolves in t.</param>
/// <param name="MaxSpaceDims">Largest supported number of space dimensions.</param>
/// <param name="Display">The equation in conventional notation.</param>
/// <param name="Explanation">What it models, in plain words.</param>
public sealed record PdePreset(string Name, string Template, IReadOnlyDictionary<string, double> Defaults, bool NeedsTime,
    int MaxSpaceDims, string Display, string Explanation);
