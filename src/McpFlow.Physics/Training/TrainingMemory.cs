using McpFlow.Core.Errors;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Training;

/// <summary>
/// Estimates a training's peak memory before anything is allocated, and refuses a plan that would not fit in the memory
/// the machine has available (stated in the refusal, with what would fit). Activations: every collocation point keeps,
/// per hidden neuron, <see cref="FloatsPerNeuron"/> + <see cref="FloatsPerDerivative"/>·(derivatives computed) values,
/// counting intermediates (2D Poisson computes u_x, u_y, u_xx, u_yy: 4), each derivative being a backward pass kept for
/// the next one and for the parameter gradient (create_graph). Optimiser: parameters, gradients, Adam's two moments, the
/// best parameters, and L-BFGS's history of 2 × 50 vectors. The constants were fitted to the peak resident memory
/// measured by tools/bench/physics/MemoryBench (docs/physics.md, "Memory"; within 3% on 1D/2D/3D Poisson and 1D heat).
/// </summary>
public static class TrainingMemory
{
    /// <summary>Activation floats per point and hidden neuron without derivatives (forward values, tanh outputs, the
    /// backward pass's buffers): 7.9 fitted on 1D/2D Poisson and 1D heat at 6×256, 20 000 points (docs/physics.md, "Memory").</summary>
    internal const double FloatsPerNeuron = 8;

    /// <summary>Extra activation floats per point and hidden neuron per derivative computed: 4.9 for a first, 4.2 for a
    /// second derivative in the same fit; 4.5 for both predicts 3D Poisson (6 derivatives) within 2%.</summary>
    internal const double FloatsPerDerivative = 4.5;

    /// <summary>Memory a training takes whatever its size (libtorch's allocator and threads, the run's buffers): the
    /// intercept of the same fit (272 MB between 10 000 and 20 000 points).</summary>
    private const long FixedBytes = 280_000_000;

    /// <summary>Vectors of the parameters' size held by training: parameters, gradients, Adam's two moments and the best
    /// parameters; L-BFGS adds its history of 2 × 50 vectors, direction, gradients and a copy of the parameters.</summary>
    private const int AdamVectors = 5;
    private const int LbfgsVectors = 2 * 50 + 6;

    /// <summary>Share of the available memory a training may plan to use: the rest is left to validation, the other tool
    /// groups and the system.</summary>
    public const double UsableShare = 0.8;

    /// <summary>What the process holds before training (runtime + libtorch after a first tiny training: 175 MB measured
    /// by MemoryBench); information only, as the available memory already excludes it.</summary>
    private const long RuntimeBytes = 175_000_000;

    /// <summary>The estimate for <paramref name="problem"/> trained with <paramref name="o"/>.</summary>
    public static MemoryEstimate Estimate(PdeProblem problem, TrainingOptions o)
    {
        var bytes = o.Dtype == "float64" ? 8 : 4;
        var neurons = (double)o.Width * o.Depth;
        var activation = SetCost(problem, o) * neurons * bytes;
        var inputs = problem.Inputs.Count;
        long parameters = (long)inputs * o.Width + o.Width + (long)(o.Depth - 1) * (o.Width * o.Width + o.Width) + o.Width + 1;
        var optimiser = parameters * bytes * (AdamVectors + (o.LbfgsSteps > 0 ? LbfgsVectors : 0));
        return new MemoryEstimate(FixedBytes + (long)activation + optimiser, (long)activation, optimiser, RuntimeBytes, parameters);
    }

    /// <summary>Throws an actionable error when <paramref name="o"/> would need more than <see cref="UsableShare"/> of
    /// <paramref name="availableBytes"/>; the message states the estimate, the memory available and what would fit.</summary>
    public static void EnsureFits(PdeProblem problem, TrainingOptions o, long availableBytes)
    {
        var estimate = Estimate(problem, o);
        var budget = (long)(UsableShare * availableBytes);
        if (estimate.TrainingBytes <= budget)
            return;
        var bytesPerInteriorPoint = InteriorCost(problem, 1) * o.Width * o.Depth * (o.Dtype == "float64" ? 8 : 4);
        var fitting = (long)(o.InteriorPoints + (budget - estimate.TrainingBytes) / bytesPerInteriorPoint); // interior points are what grows
        var suggestion = fitting >= 10
            ? $"Use at most about {fitting:N0} interior_points with this network, or a narrower or shallower network (activations grow with points × width × depth)."
            : "Even 10 interior points would not fit with this network: reduce width and depth first.";
        throw McpFlowException.Invalid(
            $"This training would need about {Gb(estimate.TrainingBytes)} of memory ({Gb(estimate.ActivationBytes)} for the activations of {o.InteriorPoints:N0} interior points " +
            $"through a {o.Depth}×{o.Width} network with the derivatives the equation needs, {Gb(estimate.OptimiserBytes)} for {estimate.Parameters:N0} parameters and the optimiser state), " +
            $"but only {Gb(availableBytes)} is available on this machine (at most {UsableShare:P0} of it is planned for one training). It was not started.",
            suggestion);
    }

    // Σ over point sets of points × (FloatsPerNeuron + FloatsPerDerivative·derivatives).
    private static double SetCost(PdeProblem problem, TrainingOptions o)
    {
        var cost = InteriorCost(problem, o.InteriorPoints);
        var hard = o.HardBoundary && HardBoundary.Supports(problem, out _);
        foreach (var bc in problem.Boundaries.Where(b => !(hard && b.Kind == BoundaryKind.Dirichlet)))
            cost += Cost(o.BoundaryPoints * (bc.Kind == BoundaryKind.Periodic ? 2 : 1), bc.Kind == BoundaryKind.Dirichlet ? 0 : 1);
        var hardInitial = o.HardInitial && HardInitial.Supports(problem, hard, out _);
        if (problem.Time is not null && problem.Initial is not null && !hardInitial)
            cost += Cost(o.InitialPoints, problem.InitialVelocity is null ? 0 : 1);
        return cost;
    }

    private static double InteriorCost(PdeProblem problem, double points) => Cost(points, Load(problem.ResidualDerivatives));

    private static double Cost(double points, int derivatives) => points * (FloatsPerNeuron + FloatsPerDerivative * derivatives);

    // Derivatives computed, intermediates included (u_xx needs u_x first).
    private static int Load(IEnumerable<string> symbols)
    {
        var orders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (!DerivativeSymbol.TryParse(symbol, out var order))
                continue;
            order = DerivativeSymbol.Canonical(order);
            for (var k = 1; k <= order.Length; k++)
                orders.Add(order[..k]);
        }

        return orders.Count;
    }

    private static string Gb(double bytes) => bytes >= 1e9 ? $"{bytes / 1e9:F1} GB" : $"{bytes / 1e6:F0} MB";
}
