using McpFlow.Physics.Expressions;

namespace McpFlow.Physics.Specs;

/// <summary>A compiled problem: domain, residual R(u, derivatives, x, t) = 0, conditions and optional exact solution.
/// Every expression is parsed once here and reused by the analysis, the trainer and the reference solvers.</summary>
public sealed record PdeProblem
{
    /// <summary>Preset name, or <c>custom</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The equation as written (or the preset's conventional form).</summary>
    public required string Display { get; init; }

    /// <summary>The residual as text (source substituted in Residual, not here).</summary>
    public required string ResidualText { get; init; }

    /// <summary>Residual expression with the source f inlined; zero for the true solution.</summary>
    public required Expr Residual { get; init; }

    /// <summary>Coefficients (scalars bound by name in every expression).</summary>
    public required IReadOnlyDictionary<string, double> Coefficients { get; init; }

    /// <summary>Space axes in x, y, z order.</summary>
    public required IReadOnlyList<Axis> Space { get; init; }

    /// <summary>The time axis, if any.</summary>
    public Axis? Time { get; init; }

    /// <summary>Source term.</summary>
    public Expr? Source { get; init; }

    /// <summary>Boundary conditions, one per face at most.</summary>
    public required IReadOnlyList<BoundaryCondition> Boundaries { get; init; }

    /// <summary>u(x, t0).</summary>
    public Expr? Initial { get; init; }

    /// <summary>u_t(x, t0).</summary>
    public Expr? InitialVelocity { get; init; }

    /// <summary>Exact solution.</summary>
    public Expr? Exact { get; init; }

    /// <summary>Exact solution as written.</summary>
    public string? ExactText { get; init; }

    /// <summary>The spec this was compiled from (saved with runs).</summary>
    public required PdeSpecDocument Document { get; init; }

    /// <summary>Input axes of the network: space then time.</summary>
    public IReadOnlyList<Axis> Inputs => Time is null ? Space : [.. Space, Time];

    /// <summary>Derivative symbols the residual uses (u_x, u_xx, u_t, …).</summary>
    public IReadOnlyList<string> ResidualDerivatives =>
        Residual.Symbols().Where(s => DerivativeSymbol.TryParse(s, out var o) && o.Length > 0).ToList();

    /// <summary>Highest order of time derivative in the residual.</summary>
    public int TimeOrder => ResidualDerivatives.Select(s => s.Count(c => c == 't')).DefaultIfEmpty(0).Max();
}
