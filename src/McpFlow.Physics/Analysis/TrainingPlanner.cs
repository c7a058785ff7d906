using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Analysis;

/// <summary>Turns a problem's features into concrete training settings, with the reason for each and the
/// difficulties to expect. Heuristics follow common PINN practice (Raissi et al. 2019; Wang et al. 2021/2022;
/// Wu et al. 2023 for residual-based sampling) and our own benchmark runs (docs/physics.md).</summary>
public static class TrainingPlanner
{
    private const double SteepFrontViscosity = 0.01; // below this Burgers/Allen-Cahn fronts are a few grid cells wide
    private const int OscillationsForSpectralBias = 6; // half-periods across the domain above which MLPs learn slowly
    private const double HighPeclet = 100;            // advection-dominated: boundary layers of width ~L/Pe

    /// <summary>Plans the training.</summary>
    public static (TrainingOptions Plan, List<string> Reasons, List<string> Difficulties) Plan(PdeProblem problem, PdeClassification c)
    {
        var reasons = new List<string>();
        var difficulties = new List<string>();
        var inputs = problem.Inputs.Count;
        var hard = HardBoundary.Supports(problem, out var hardWhy);
        reasons.Add(hard ? $"Hard boundary conditions: {hardWhy}" : $"Soft boundary conditions (penalty terms): {hardWhy}");

        var width = inputs <= 2 && c.Linear ? 32 : 48;
        var depth = c.Linear && problem.Time is null ? 3 : 4;
        var interior = inputs switch { 1 => 500, 2 => 2000, 3 => 4000, _ => 6000 };
        var adam = c.Linear && problem.Time is null ? 2000 : 5000;
        var lbfgs = c.Linear ? 300 : 1000;
        var lr = 1e-3;

        var oscillations = Oscillations(problem);
        if (oscillations > OscillationsForSpectralBias)
        {
            difficulties.Add($"High frequency: the data change sign about {oscillations} times across the domain; plain MLPs learn low frequencies first (spectral bias), so convergence is slow.");
            width = Math.Max(width, 64);
            interior = (int)Math.Min(20_000, interior * Math.Ceiling(oscillations / (double)OscillationsForSpectralBias));
            adam *= 2;
            reasons.Add($"Width {width} and {interior} interior points (≥ ~10 points per wavelength) against spectral bias.");
        }

        var nu = problem.Kind switch
        {
            "burgers" => problem.Coefficients["nu"],
            "allen_cahn" => Math.Sqrt(problem.Coefficients["d"] / Math.Max(1e-12, problem.Coefficients["k"])),
            _ => double.NaN,
        };
        if (nu < SteepFrontViscosity)
        {
            difficulties.Add($"Small {(problem.Kind == "burgers" ? "viscosity ν" : "interface width √(d/k)")} = {nu:G3}: the solution forms steep fronts that a smooth network resolves only with many points near them.");
            reasons.Add("Residual-based resampling every 250 steps concentrates points at the fronts; more L-BFGS iterations refine them.");
            width = Math.Max(width, 64);
            interior = Math.Max(interior, 5000);
        }

        if (problem.Kind == "advection_diffusion")
        {
            var speed = Math.Sqrt(problem.Coefficients["a_x"] * problem.Coefficients["a_x"] + problem.Coefficients["a_y"] * problem.Coefficients["a_y"] + problem.Coefficients["a_z"] * problem.Coefficients["a_z"]);
            var pe = speed * problem.Space.Max(a => a.Length) / Math.Max(1e-12, problem.Coefficients["D"]);
            if (pe > HighPeclet)
                difficulties.Add($"Advection-dominated (Péclet ≈ {pe:G3}): thin boundary layers of width ~L/Pe at the outflow.");
        }

        if (c.Type == "hyperbolic" && problem.Time is { } t)
            difficulties.Add($"Wave propagation over t ∈ [{t.Min:G3}, {t.Max:G3}]: PINNs tend to violate causality on long horizons; if the late-time error is large, train on shorter windows.");
        if (!c.Linear)
            difficulties.Add("Nonlinear: the loss landscape can have spurious minima (e.g. the trivial solution); watch the initial-condition loss.");
        if (problem.Boundaries.Any(b => b.Kind == BoundaryKind.Neumann))
            difficulties.Add("Neumann conditions are enforced softly through derivative penalties; their error is usually larger than that of Dirichlet ones.");

        reasons.Add($"MLP {depth}×{width} tanh: smooth activations give the second derivatives the residual needs; this size fits {inputs} input(s).");
        reasons.Add($"{interior} interior collocation points (uniform random, {(nu < SteepFrontViscosity ? 250 : 500)}-step residual-based resampling).");
        reasons.Add($"Adam, learning rate {lr:G2} (halved at 50% and 80% of the Adam phase) for {adam} steps, then L-BFGS for {lbfgs} iterations to polish (PINN losses are ill-conditioned; quasi-Newton usually gains 1-2 orders).");
        reasons.Add("Adaptive loss weights from gradient norms balance residual and boundary terms.");
        var plan = new TrainingOptions
        {
            Depth = depth, Width = width, HardBoundary = hard, InteriorPoints = interior, AdamSteps = adam, LbfgsSteps = lbfgs,
            LearningRate = lr, ResampleEvery = nu < SteepFrontViscosity ? 250 : 500,
        };
        return (plan, reasons, difficulties);
    }

    private static int Oscillations(PdeProblem problem)
    {
        var e = problem.Exact ?? problem.Source;
        if (e is null)
            return 0;
        var sampler = new PointSampler(problem);
        var f = sampler.Compile(e);
        var worst = 0;
        const int Samples = 400;
        for (var k = 0; k < problem.Inputs.Count; k++)
        {
            var changes = 0;
            double previous = double.NaN;
            for (var i = 0; i <= Samples; i++)
            {
                var coords = problem.Inputs.Select((a, j) => j == k ? a.Min + a.Length * i / Samples : a.Min + 0.3183 * a.Length).ToArray();
                var v = f(sampler.At(coords));
                if (Math.Abs(v) < 1e-12)
                    continue;
                if (!double.IsNaN(previous) && Math.Sign(v) != Math.Sign(previous))
                    changes++;
                previous = v;
            }

            worst = Math.Max(worst, changes);
        }

        return worst;
    }
}
