using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>
/// Detects conservation laws and the maximum principle for the presets whose structure is known:
/// heat (u_t = α∇²u), advection-diffusion (u_t + a·∇u = D∇²u, a constant, so a·∇u = ∇·(a u)) and Burgers
/// (u_t + (u²/2)_x = ν u_xx) are in conservation form, so d/dt ∫u dx equals the net flux through the faces; the wave
/// equation conserves E = ½∫(u_t² + c²|∇u|²) dx when the boundary term c² u_t ∂u/∂n vanishes. Whether the source is
/// zero and the boundary data homogeneous is decided by evaluating the expressions at random points. Custom equations
/// are not analysed for conservation (their flux form is not known).
/// </summary>
public static class ConservationDetector
{
    private const int Seed = 2718;
    private static readonly string[] Conservative = ["heat", "advection_diffusion", "burgers"];
    private static readonly Dictionary<string, string> Diffusivity = new(StringComparer.Ordinal) { ["heat"] = "alpha", ["advection_diffusion"] = "D", ["burgers"] = "nu" };

    /// <summary>The conservation and maximum-principle checks that apply, and why the others do not.</summary>
    public static CheckDetection Detect(PdeProblem problem)
    {
        var applicable = new List<ApplicableCheck>();
        var notApplicable = new List<string>();
        var probe = new ExpressionProbe(problem, Seed);
        var kind = problem.Kind;
        if (problem.Time is null)
            return new CheckDetection(applicable, ["conservation and maximum principle: the problem is steady (no time axis), so nothing evolves."]);
        if (!Conservative.Contains(kind) && kind != "wave")
            return new CheckDetection(applicable, [kind == "custom"
                ? "conservation and maximum principle: not analysed for custom equations (their conservation form is not known); use a preset to get them."
                : $"conservation and maximum principle: the {kind} equation has no conserved quantity checked here (a reaction term such as in Allen-Cahn creates and destroys u)."]);
        if (!probe.IsZero(problem.Source))
            return new CheckDetection(applicable, ["conservation and maximum principle: the source f is not zero, so it adds or removes u over time."]);

        var faces = problem.Boundaries.GroupBy(b => b.Face).ToDictionary(g => g.Key, g => g.First());
        if (kind == "wave")
        {
            var leak = problem.Space.Select(a => EnergyLeak(probe, faces, a)).FirstOrDefault(r => r is not null);
            if (leak is null)
                applicable.Add(new(PhysicsCheckKind.EnergyConservation, null,
                    "the wave equation without source, with periodic or homogeneous Dirichlet/Neumann faces, conserves E = ½∫(u_t² + c²|∇u|²) dx (the boundary term c²·u_t·∂u/∂n vanishes)."));
            else
                notApplicable.Add($"energy conservation: {leak}");
            return new CheckDetection(applicable, notApplicable);
        }

        var massLeak = problem.Space.Select(a => MassLeak(probe, faces, a, kind)).FirstOrDefault(r => r is not null);
        if (massLeak is null)
            applicable.Add(new(PhysicsCheckKind.MassConservation, null,
                $"the {kind} equation is in conservation form (u_t + ∇·F = 0) without source, and no flux crosses the faces (periodic, or zero-flux Neumann), so ∫u dx is constant."));
        else
            notApplicable.Add($"mass conservation: {massLeak}");

        var maxBreak = MaximumPrincipleBreak(probe, faces, kind);
        if (maxBreak is null)
            applicable.Add(new(PhysicsCheckKind.MaximumPrinciple, null,
                $"the {kind} equation without source has no reaction term, so |u| cannot exceed the largest |u| of the initial data and the Dirichlet boundary data (weak maximum principle; periodic and zero-flux faces add no data)."));
        else
            notApplicable.Add($"maximum principle: {maxBreak}");
        return new CheckDetection(applicable, notApplicable);
    }

    private static string? MassLeak(ExpressionProbe probe, Dictionary<Face, BoundaryCondition> faces, Axis axis, string kind)
    {
        foreach (var face in new[] { new Face(axis.Name, false), new Face(axis.Name, true) })
        {
            var bc = faces.GetValueOrDefault(face);
            if (bc is null)
                return $"face {face} has no condition, so the flux through it is unknown.";
            if (bc.Kind == BoundaryKind.Periodic)
                continue;
            if (bc.Kind == BoundaryKind.Dirichlet)
                return $"face {face} is Dirichlet, so u flows in or out through it.";
            if (!probe.IsZero(bc.Value, face))
                return $"face {face} prescribes a nonzero flux ∂u/∂n.";
            if (kind == "burgers")
                return $"face {face} is Neumann: zero ∂u/∂n stops diffusion but u²/2 is still carried through it (only periodic ends conserve mass for Burgers).";
            if (kind == "advection_diffusion" && probe.Problem.Coefficients.GetValueOrDefault($"a_{axis.Name}") != 0)
                return $"face {face} is Neumann but the velocity a_{axis.Name} is not zero, so u is carried through it.";
        }

        return null;
    }

    private static string? EnergyLeak(ExpressionProbe probe, Dictionary<Face, BoundaryCondition> faces, Axis axis)
    {
        foreach (var face in new[] { new Face(axis.Name, false), new Face(axis.Name, true) })
        {
            var bc = faces.GetValueOrDefault(face);
            if (bc is null)
                return $"face {face} has no condition.";
            if (bc.Kind != BoundaryKind.Periodic && !probe.IsZero(bc.Value, face))
                return $"face {face} has nonzero {bc.Kind.ToString().ToLowerInvariant()} data, which does work on the wave.";
        }

        return null;
    }

    private static string? MaximumPrincipleBreak(ExpressionProbe probe, Dictionary<Face, BoundaryCondition> faces, string kind)
    {
        if (probe.Problem.Initial is null)
            return "there is no initial condition to bound u by.";
        if (probe.Problem.Coefficients.GetValueOrDefault(Diffusivity[kind]) < 0)
            return $"the diffusion coefficient {Diffusivity[kind]} is negative (backward diffusion is ill-posed).";
        foreach (var face in probe.Problem.Space.SelectMany(a => new[] { new Face(a.Name, false), new Face(a.Name, true) }))
        {
            var bc = faces.GetValueOrDefault(face);
            if (bc is null)
                return $"face {face} has no condition.";
            if (bc.Kind == BoundaryKind.Neumann && !probe.IsZero(bc.Value, face))
                return $"face {face} prescribes a nonzero flux, which can push u beyond its initial and boundary values.";
        }

        return null;
    }
}
