using McpFlow.Core.Errors;

namespace McpFlow.Physics.Specs;

/// <summary>The built-in presets. Default coefficients are the classic PINN benchmark values (Raissi, Perdikaris
/// and Karniadakis 2019 for Burgers ν = 0.01/π and Allen-Cahn d = 1e-4, k = 5) or 1 where there is no standard.</summary>
public static class PdePresets
{
    /// <summary>All presets by name.</summary>
    public static readonly IReadOnlyDictionary<string, PdePreset> All = new Dictionary<string, PdePreset>(StringComparer.OrdinalIgnoreCase)
    {
        ["poisson"] = new("poisson", "-(LAP) - f", new Dictionary<string, double>(), false, 3,
            "-∇²u = f", "Poisson's equation: the steady state of diffusion (temperature, electrostatic potential, membrane deflection) with source f."),
        ["helmholtz"] = new("helmholtz", "LAP + k^2*u - f", new Dictionary<string, double> { ["k"] = 1 }, false, 3,
            "∇²u + k²u = f", "The Helmholtz equation: time-harmonic waves of wave number k (acoustics, electromagnetics) driven by f."),
        ["heat"] = new("heat", "u_t - alpha*(LAP) - f", new Dictionary<string, double> { ["alpha"] = 1 }, true, 3,
            "u_t = α∇²u + f", "The heat (diffusion) equation: a quantity spreading out with diffusivity α, smoothing over time."),
        ["wave"] = new("wave", "u_tt - c^2*(LAP) - f", new Dictionary<string, double> { ["c"] = 1 }, true, 3,
            "u_tt = c²∇²u + f", "The wave equation: disturbances travelling at speed c without damping (strings, membranes, sound)."),
        ["burgers"] = new("burgers", "u_t + u*u_x - nu*u_xx - f", new Dictionary<string, double> { ["nu"] = 0.01 / Math.PI }, true, 1,
            "u_t + u u_x = ν u_xx", "Viscous Burgers' equation: nonlinear advection (the solution carries itself) balanced by viscosity ν; small ν forms steep shock-like fronts."),
        ["allen_cahn"] = new("allen_cahn", "u_t - d*(LAP) - k*(u - u^3) - f", new Dictionary<string, double> { ["d"] = 1e-4, ["k"] = 5 }, true, 3,
            "u_t = d∇²u + k(u - u³)", "The Allen-Cahn equation: phase separation; u is driven towards ±1 and thin interfaces of width ~√(d/k) form."),
        ["advection_diffusion"] = new("advection_diffusion", "u_t + ADV - D*(LAP) - f",
            new Dictionary<string, double> { ["a_x"] = 1, ["a_y"] = 0, ["a_z"] = 0, ["D"] = 0.01 }, true, 3,
            "u_t + a·∇u = D∇²u + f", "Advection-diffusion: a quantity carried by the velocity a while diffusing with coefficient D."),
    };

    /// <summary>The preset named <paramref name="name"/>, or an actionable error.</summary>
    public static PdePreset Get(string name) =>
        All.TryGetValue(name.Trim(), out var preset)
            ? preset
            : throw McpFlowException.Invalid($"Unknown preset '{name}'.",
                $"Use one of: {string.Join(", ", All.Keys)}; or give a custom \"equation\" such as \"u_t + u*u_x - 0.01*u_xx = 0\".");

    /// <summary>The residual text of <paramref name="preset"/> on the given space axes.</summary>
    public static string Expand(PdePreset preset, IReadOnlyList<char> space)
    {
        var lap = string.Join(" + ", space.Select(a => $"u_{a}{a}"));
        var adv = string.Join(" + ", space.Select(a => $"a_{a}*u_{a}"));
        return preset.Template.Replace("LAP", lap, StringComparison.Ordinal).Replace("ADV", adv, StringComparison.Ordinal);
    }
}
