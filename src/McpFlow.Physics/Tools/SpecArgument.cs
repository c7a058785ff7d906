using System.Text.Json;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Tools;

/// <summary>Accepts a spec given as a JSON object or as a string holding JSON.</summary>
internal static class SpecArgument
{
    public const string Description =
        "The PDE problem as a JSON object (or a string holding it). Keys: preset (poisson, heat, wave, burgers, allen_cahn, " +
        "advection_diffusion, helmholtz) or equation (e.g. \"u_t + u*u_x - 0.01*u_xx = 0\"), coefficients, source, domain " +
        "({\"x\":[0,1],\"y\":[0,1]} plus \"t\":[0,1] if time-dependent), boundary_conditions ([{\"where\":\"all\",\"type\":\"dirichlet\",\"value\":\"0\"}]), " +
        "initial_condition, initial_velocity, exact_solution. E.g. {\"preset\":\"poisson\",\"domain\":{\"x\":[0,1],\"y\":[0,1]}," +
        "\"source\":\"2*pi^2*sin(pi*x)*sin(pi*y)\",\"boundary_conditions\":[{\"where\":\"all\",\"type\":\"dirichlet\",\"value\":\"0\"}]}.";

    public static PdeProblem Compile(JsonElement spec) =>
        PdeSpecCompiler.Compile(spec.ValueKind == JsonValueKind.String ? spec.GetString() ?? "" : spec.GetRawText());
}
