using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Analysis;

/// <summary>Turns a problem's features into concrete training settings, with the reason for each and the
/// difficulties to expect. Heuristics follow common PINN practice (Raissi et al. 2019; Wang et al. 2021/2022;
/// Wu et al. 2023 for residual-based sampling) and our own benchmark runs (docs/physics.md).</summary>
public static class TrainingPlanner
{
    private const double SteepFrontViscosity = 0.01; // below this Burgers/Allen-Cahn fronts are a few grid cells wide
    /// <summary>Half-periods across the domain above which MLPs learn slowly (spectral bias).</summary>
    internal const int OscillationsForSpectralBias = 6;
    private const double HighPeclet = 100;            // advection-dominated: boundary layers of width ~L/Pe
    private const int SteepFrontLbfgs = 3000;         // BurgersBench (float32, soft initial): 8.8e-3 after 1000 L-BFGS iterations, 5.4e-3 after 3000 (both against the bench's old, wrong reference)
    // Burgers with a steep front: float64, hard initial condition, Adam 1000 as a warm-up, L-BFGS 4000 (BurgersBench,
    // docs/benchmarks.md: relative L2 8.0e-4 after all 4000 iterations against the Cole-Hopf solution; the 5.09e-3 measured
    // before was the error of the bench's old reference, itself off by 5.0e-3).
    private const int SteepBurgersAdam = 1000;
    private const int SteepBurgersLbfgs = 4000;
    private const int HighFrequencyAdam = 2000;       // Adam only warms up high-frequency linear problems ...
    private const int HighFrequencyLbfgs = 4000;      // ... L-BFGS does the work (PlannerBench wave/helmholtz, docs/benchmarks.md)
    private const int WaveLbfgs = 8000;               // PlannerBench wave in float64: relative L2 1.4e-2 after 5000 iterations, 9.5e-3 after 6222, 4.3e-3 after 8000

    /// <summary>Plans the training.</summary>
    public static (TrainingOptions Plan, List<string> Reasons, List<string> Difficulties, string? Reliability) Plan(PdeProblem problem, PdeClassification c)
    {
        var reasons = new List<string>();
        var difficulties = new List<string>();
        var inputs = problem.Inputs.Count;
        var hard = HardBoundary.Supports(problem, out var hardWhy);
        reasons.Add(hard ? $"Hard boundary conditions: {hardWhy}" : $"Soft boundary conditions (penalty terms): {hardWhy}");
        // Hard initial data where measured to matter: second order in time (issue 14's wave: 0.98 soft, 0.73 hard at 1000 Adam
        // steps), thin Allen-Cahn interfaces and steep Burgers fronts; other first-order problems keep the penalty term their
        // benchmarks were measured with (heat, mild Burgers).
        var thinInterface = ThinInterfacePlan.Applies(problem);
        // Burgers with a steep front too (BurgersBench, measured with float64 and L-BFGS 4000: see the steep-front branch).
        var steepBurgers = problem.Kind == "burgers" && problem.Coefficients["nu"] < SteepFrontViscosity;
        var hardInitial = HardInitial.Supports(problem, hard, out var initialWhy) && (HardInitial.Order(problem) == 2 || thinInterface || steepBurgers);
        if (problem.Time is not null && problem.Initial is not null)
            reasons.Add(hardInitial ? $"Hard initial condition{(thinInterface ? " (thin interfaces, below)" : "")}: {initialWhy}"
                : HardInitial.Order(problem) == 2 || thinInterface || steepBurgers ? $"Soft initial condition (penalty term): {initialWhy}"
                : "Soft initial condition (penalty term), as in the heat benchmark; hard_initial = true builds it into the network (u = u₀ + τ·N).");

        var width = inputs <= 2 && c.Linear ? 32 : 48;
        var depth = c.Linear && problem.Time is null ? 3 : 4;
        var interior = inputs switch { 1 => 500, 2 => 2000, 3 => 4000, _ => 6000 };
        var adam = c.Linear && problem.Time is null ? 2000 : 5000;
        var lbfgs = c.Linear ? 300 : 1000;
        var lr = 1e-3;
        var dtype = "float32";

        var oscillations = Oscillations(problem);
        var harmonics = 0;
        if (oscillations > OscillationsForSpectralBias)
        {
            // sin(kπx̂) on the scaled input x̂ ∈ [-1, 1] has 2k half-waves: k up to half the half-waves counted.
            harmonics = Math.Min(TrainingLimits.MaxHarmonics, (oscillations + 1) / 2);
            reasons.Add($"Fourier features: {harmonics} harmonics per input (sin and cos of kπx̂, x̂ the input scaled to [-1, 1]) hand the network the frequencies it would learn last.");
            difficulties.Add($"High frequency: the solution changes sign about {oscillations} times across the domain{WaveNote(problem)}; plain MLPs learn low frequencies first (spectral bias), so convergence is slow.");
            if (oscillations > PlanReliability.MeasuredOscillations)
            {
                width = Math.Max(width, 64);
                interior = (int)Math.Min(20_000, interior * Math.Ceiling(oscillations / (double)PlanReliability.MeasuredOscillations));
                reasons.Add($"Width {width} and {interior} interior points (≥ ~10 points per wavelength) against spectral bias.");
            }

            if (c.Linear)
            {
                adam = Math.Min(adam, HighFrequencyAdam);
                lbfgs = Math.Max(lbfgs, HighFrequencyLbfgs);
                reasons.Add($"Adam {adam} then L-BFGS {lbfgs}: on a high-frequency wave Adam stalls (loss 1.2e4 after 1000 steps) while L-BFGS took the same model to 24 in 600 iterations and keeps falling (docs/benchmarks.md, Planner).");
                if (problem.TimeOrder >= 2)
                {
                    // float32 held L-BFGS back on issue 14's wave: 3.2e-2 after 4000 iterations, against 1.95e-2 in float64,
                    // at no more time per step on this small network (docs/benchmarks.md, Planner).
                    dtype = "float64";
                    lbfgs = Math.Max(lbfgs, WaveLbfgs);
                    reasons.Add($"float64 and L-BFGS {lbfgs} for a high-frequency wave: in float32 L-BFGS reached relative L2 3.2e-2 after 4000 iterations on issue 14's wave, in float64 1.95e-2 after 4000 and 4.3e-3 after 8000 (PlannerBench wave, docs/benchmarks.md).");
                }
            }
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
            width = Math.Max(width, 64);
            if (thinInterface)
            {
                (interior, adam, lbfgs, harmonics) = (ThinInterfacePlan.InteriorPoints, ThinInterfacePlan.AdamSteps, ThinInterfacePlan.LbfgsSteps, ThinInterfacePlan.Harmonics);
                reasons.Add(ThinInterfacePlan.Reason);
            }
            else if (steepBurgers)
            {
                interior = Math.Max(interior, 5000);
                (adam, lbfgs, dtype) = (SteepBurgersAdam, Math.Max(lbfgs, SteepBurgersLbfgs), "float64");
                reasons.Add($"Residual-based resampling every 250 steps puts points at the shock; Adam {adam} only warms up, then L-BFGS {lbfgs} in float64 sharpens the shock " +
                            "(Burgers ν = 0.01/π: relative L2 8.0e-4 against the exact Cole-Hopf solution after all 4000 L-BFGS iterations with float64 and the hard initial condition; docs/benchmarks.md).");
            }
            else
            {
                interior = Math.Max(interior, 5000);
                lbfgs = Math.Max(lbfgs, SteepFrontLbfgs);
                reasons.Add($"Residual-based resampling every 250 steps concentrates points at the fronts; L-BFGS {lbfgs} refines them (Burgers ν = 0.01/π, float32: relative L2 8.8e-3 after 1000 iterations, 5.4e-3 after 3000; docs/benchmarks.md).");
            }
        }

        if (problem.Kind == "advection_diffusion")
        {
            var speed = Math.Sqrt(problem.Coefficients["a_x"] * problem.Coefficients["a_x"] + problem.Coefficients["a_y"] * problem.Coefficients["a_y"] + problem.Coefficients["a_z"] * problem.Coefficients["a_z"]);
            var pe = speed * problem.Space.Max(a => a.Length) / Math.Max(1e-12, problem.Coefficients["D"]);
            // An outflow boundary layer needs an outflow face: a face of an axis the flow runs along that is not periodic.
            var outflow = problem.Space.Any(a => problem.Coefficients.GetValueOrDefault($"a_{a.Name}") != 0
                                                 && problem.Boundaries.Any(b => b.Face.Axis == a.Name && b.Kind != BoundaryKind.Periodic));
            if (pe > HighPeclet)
                difficulties.Add(outflow
                    ? $"Advection-dominated (Péclet ≈ {pe:G3}): thin boundary layers of width ~L/Pe at the outflow."
                    : $"Advection-dominated (Péclet ≈ {pe:G3}) on a periodic domain: there is no outflow boundary layer, but features are carried around with little smoothing and stay sharp, so the network must follow them across the whole time interval.");
        }

        if (c.Type == "hyperbolic" && problem.Time is { } t)
            difficulties.Add($"Wave propagation over t ∈ [{t.Min:G3}, {t.Max:G3}]: PINNs tend to violate causality on long horizons; if the late-time error is large, try causal training (settings causal_chunks, causal_epsilon) or train on shorter windows.");
        if (!c.Linear)
            difficulties.Add(hardInitial ? "Nonlinear: the loss landscape can have spurious minima; check the result with validate_solution."
                : "Nonlinear: the loss landscape can have spurious minima (e.g. the trivial solution); watch the initial-condition loss.");
        if (problem.Boundaries.Any(b => b.Kind == BoundaryKind.Neumann))
            difficulties.Add("Neumann conditions are enforced softly through derivative penalties; their error is usually larger than that of Dirichlet ones.");

        reasons.Add($"MLP {depth}×{width} tanh: smooth activations give the second derivatives the residual needs; this size fits {inputs} input(s).");
        reasons.Add($"{interior} interior collocation points (uniform random, {(nu < SteepFrontViscosity ? 250 : 500)}-step residual-based resampling).");
        reasons.Add($"Adam, learning rate {lr:G2} (halved at 50% and 80% of the Adam phase) for {adam} steps, then L-BFGS for {lbfgs} iterations to polish (PINN losses are ill-conditioned; quasi-Newton usually gains 1-2 orders).");
        reasons.Add("Adaptive loss weights from gradient norms balance residual and boundary terms.");
        var plan = new TrainingOptions
        {
            Depth = depth, Width = width, FourierFeatures = harmonics, HardBoundary = hard, HardInitial = hardInitial, InteriorPoints = interior, AdamSteps = adam, LbfgsSteps = lbfgs,
            LearningRate = lr, Dtype = dtype, ResampleEvery = nu < SteepFrontViscosity ? 250 : 500,
        };
        if (thinInterface)
            plan = plan with { TimeWindows = ThinInterfacePlan.Windows, LbfgsWindows = ThinInterfacePlan.LbfgsWindows, LbfgsMemory = ThinInterfacePlan.LbfgsMemory, Dtype = "float64" };
        var memory = TrainingMemory.Estimate(problem, plan);
        reasons.Add($"Estimated peak training memory about {memory.TrainingBytes / 1e6:F0} MB ({memory.Parameters:N0} parameters); pinn_train refuses a plan that would not fit in the memory available.");
        return (plan, reasons, difficulties, PlanReliability.Assess(problem, oscillations));
    }

    // Sign changes along each input axis of every datum (exact solution, source, initial condition and velocity,
    // boundary values), ignoring points where a datum is not finite; for the wave equation also the half-periods in time
    // that the speed implies: a mode with m half-waves across a length L oscillates m·c·T/L times over [0, T].
    private static int Oscillations(PdeProblem problem)
    {
        var data = new[] { problem.Exact, problem.Source, problem.Initial, problem.InitialVelocity }
            .Concat(problem.Boundaries.Select(b => b.Value)).OfType<Expressions.Expr>().ToList();
        var sampler = new PointSampler(problem);
        var worst = 0;
        var spatial = 0;
        foreach (var e in data)
        {
            var f = sampler.Compile(e);
            for (var k = 0; k < problem.Inputs.Count; k++)
            {
                var changes = SignChanges(problem, sampler, f, k);
                worst = Math.Max(worst, changes);
                if (problem.Inputs[k].Name != 't')
                    spatial = Math.Max(spatial, changes);
            }
        }

        if (problem.Kind == "wave" && problem.Time is { } time && problem.Coefficients.TryGetValue("c", out var c))
            worst = Math.Max(worst, (int)Math.Round(Math.Max(1, spatial) * Math.Abs(c) * time.Length / problem.Space.Min(a => a.Length)));
        return worst;
    }

    // Sign changes of the datum along axis k, or its local extrema (sign changes of its slope, ignoring slopes below
    // 1e-9 of the largest: rounding in flat parts), whichever is larger: sin(πx) + 0.5 sin(4πx) never changes sign on
    // [0, 1] but has 4 half-waves of its second mode.
    private static int SignChanges(PdeProblem problem, PointSampler sampler, Func<double[], double> f, int k)
    {
        const int Samples = 400;
        var values = new double[Samples + 1];
        for (var i = 0; i <= Samples; i++)
        {
            var coords = problem.Inputs.Select((a, j) => j == k ? a.Min + a.Length * i / Samples : a.Min + 0.3183 * a.Length).ToArray();
            values[i] = f(sampler.At(coords));
        }

        var slopes = new double[Samples];
        for (var i = 0; i < Samples; i++)
            slopes[i] = values[i + 1] - values[i];
        var steepest = slopes.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return Math.Max(Changes(values, 1e-12), Changes(slopes, 1e-9 * steepest));
    }

    private static int Changes(double[] values, double zero)
    {
        var changes = 0;
        var previous = double.NaN;
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || Math.Abs(v) <= zero)
                continue;
            if (!double.IsNaN(previous) && Math.Sign(v) != Math.Sign(previous))
                changes++;
            previous = v;
        }

        return changes;
    }

    private static string WaveNote(PdeProblem problem) =>
        problem.Kind == "wave" && problem.Coefficients.TryGetValue("c", out var c)
            ? $" or in time (wave speed c = {c:G3} over t ∈ [{problem.Time!.Min:G3}, {problem.Time.Max:G3}])"
            : "";
}
