using System.Text.Json.Serialization;

namespace McpFlow.Physics.Specs;

/// <summary>
/// The JSON problem specification a client writes (snake_case keys). Either a <see cref="Preset"/> with
/// <see cref="Coefficients"/> or a custom <see cref="Equation"/>; see docs/physics.md for the full reference.
/// </summary>
public sealed record PdeSpecDocument
{
    /// <summary>poisson, heat, wave, burgers, allen_cahn, advection_diffusion or helmholtz.</summary>
    public string? Preset { get; init; }

    /// <summary>Custom equation over u and its derivatives, e.g. <c>u_t + u*u_x - 0.01*u_xx = 0</c>.</summary>
    public string? Equation { get; init; }

    /// <summary>Named coefficients (preset ones override the defaults; custom ones may be used in expressions).</summary>
    public Dictionary<string, double>? Coefficients { get; init; }

    /// <summary>Source term f(x, y, z, t) as an expression. Default 0.</summary>
    public string? Source { get; init; }

    /// <summary>Axis name (x, y, z, t) to [min, max].</summary>
    public Dictionary<string, double[]>? Domain { get; init; }

    /// <summary>Boundary conditions.</summary>
    public List<BoundarySpec>? BoundaryConditions { get; init; }

    /// <summary>u at the initial time (time-dependent problems).</summary>
    public string? InitialCondition { get; init; }

    /// <summary>u_t at the initial time (second order in time, e.g. wave).</summary>
    public string? InitialVelocity { get; init; }

    /// <summary>Exact solution, when known (used for validation).</summary>
    public string? ExactSolution { get; init; }
}

/// <summary>One boundary condition.</summary>
public sealed record BoundarySpec
{
    /// <summary>Which faces: <c>all</c>, <c>x=min</c>, <c>x=max</c>, <c>x</c> (both x faces), or a value such as <c>x=0</c>.</summary>
    public string Where { get; init; } = "all";

    /// <summary>dirichlet (u = value), neumann (outward normal derivative = value) or periodic.</summary>
    public string Type { get; init; } = "dirichlet";

    /// <summary>The value expression (dirichlet, neumann). Default 0.</summary>
    public string? Value { get; init; }

    /// <summary>Extra JSON members, to reject misspelled keys.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; init; }
}
