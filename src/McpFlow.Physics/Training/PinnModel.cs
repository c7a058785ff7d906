using McpFlow.Physics.Engine;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>
/// A problem's solution ansatz around a <see cref="PinnNetwork"/>: u = N(X), or u = g(X) + D(X)·N(X) with hard
/// Dirichlet conditions. Computes u and its derivatives by automatic differentiation (cached per order) and the
/// residual through the shared expression engine.
/// </summary>
public sealed class PinnModel : IDisposable
{
    private readonly IReadOnlyList<Axis> _inputs;

    /// <summary>Creates the model.</summary>
    public PinnModel(PdeProblem problem, TrainingOptions options, Device device)
    {
        Problem = problem;
        Options = options;
        Dtype = options.Dtype == "float64" ? ScalarType.Float64 : ScalarType.Float32;
        Device = device;
        _inputs = problem.Inputs;
        Hard = options.HardBoundary && HardBoundary.Supports(problem, out _);
        HardInitialConditions = options.HardInitial && HardInitial.Supports(problem, Hard, out _);
        torch.manual_seed(options.Seed);
        var periodic = _inputs.Select((a, i) => (a, i)).Where(p => problem.Boundaries.Any(b => b.Kind == BoundaryKind.Periodic && b.Face.Axis == p.a.Name))
            .Select(p => p.i).ToHashSet();
        Network = new PinnNetwork(_inputs.Select(a => (a.Min, a.Max)).ToList(), options.Depth, options.Width, options.Activation, Dtype, device,
            options.FourierFeatures, periodic);
    }

    /// <summary>The problem.</summary>
    public PdeProblem Problem { get; }

    /// <summary>The settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The network.</summary>
    public PinnNetwork Network { get; }

    /// <summary>Floating-point type.</summary>
    public ScalarType Dtype { get; }

    /// <summary>Device.</summary>
    public Device Device { get; }

    /// <summary>True when Dirichlet conditions are built into the ansatz.</summary>
    public bool Hard { get; }

    /// <summary>True when the initial condition (and velocity) is built into the ansatz (<see cref="HardInitial"/>).</summary>
    public bool HardInitialConditions { get; }

    /// <summary>Index of an input axis in X's columns.</summary>
    public int Column(char axis) => _inputs.ToList().FindIndex(a => a.Name == axis);

    /// <summary>u at points X (N × inputs).</summary>
    public Tensor U(Tensor x)
    {
        var n = Network.forward(x);
        if (HardInitialConditions)
            return Initial(x, n);
        if (!Hard)
            return n;
        var g = Evaluate(Problem.Boundaries[0].Value!, x);
        return g + Distance(x) * n;
    }

    // u₀ + (t - t₀)·v₀ + τᵐ·B·N (HardInitial), B the hard-face factor or 1. (Differencing N instead, u₀ + (t - t₀)·v₀ +
    // τ·B·(N - N(x, t₀)), keeps N of order u but cost a second forward pass and converged 3× slower under L-BFGS on issue
    // 14's wave: loss 102 against 36 after 600 iterations.)
    private Tensor Initial(Tensor x, Tensor n)
    {
        var time = Problem.Time!;
        var elapsed = TorchScalars.Sub(x[.., Column('t')], time.Min);
        var tau = TorchScalars.Div(elapsed, time.Length);
        var rest = Hard ? Distance(x) * n : n;
        var u0 = Evaluate(Problem.Initial!, x);
        return HardInitial.Order(Problem) == 2
            ? u0 + elapsed * Evaluate(Problem.InitialVelocity!, x) + tau * tau * rest
            : u0 + tau * rest;
    }

    // Π_i (x_i - a_i)(b_i - x_i)/(L_i/2)²: zero on every space face (HardBoundary).
    private Tensor Distance(Tensor x)
    {
        Tensor distance = ones(x.shape[0], dtype: Dtype, device: Device);
        foreach (var axis in Problem.Space)
        {
            var c = x[.., Column(axis.Name)];
            var half = axis.Length / 2;
            distance = distance * TorchScalars.Div(TorchScalars.Sub(c, axis.Min) * TorchScalars.Sub(axis.Max, c), half * half);
        }

        return distance;
    }

    /// <summary>Evaluates a coordinate expression (source, boundary value, exact solution) at X.</summary>
    public Tensor Evaluate(Expr e, Tensor x) =>
        TensorBuilder.Build(e, s => s.Length == 1 && Column(s[0]) is var k and >= 0 ? x[.., k] : null, Problem.Coefficients, x[.., 0]);

    /// <summary>A derivative cache for one batch of points X (which must require grad).</summary>
    public Derivatives Differentiate(Tensor x) => new(this, x);

    /// <summary>The PDE residual at X.</summary>
    public Tensor Residual(Tensor x)
    {
        var d = Differentiate(x);
        return TensorBuilder.Build(Problem.Residual, s => d.Lookup(s), Problem.Coefficients, x[.., 0]);
    }

    /// <inheritdoc />
    public void Dispose() => Network.Dispose();

    /// <summary>u and its derivatives at one batch of points, each computed once.</summary>
    public sealed class Derivatives
    {
        private readonly PinnModel _model;
        private readonly Tensor _x;
        private readonly Dictionary<string, Tensor> _cache = new(StringComparer.Ordinal);

        internal Derivatives(PinnModel model, Tensor x)
        {
            _model = model;
            _x = x;
        }

        /// <summary>The tensor for a symbol: a coordinate, u, or a derivative such as u_xx; null for others.</summary>
        public Tensor? Lookup(string symbol)
        {
            if (symbol.Length == 1 && symbol != "u")
            {
                var k = _model.Column(symbol[0]);
                return k >= 0 ? _x[.., k] : null;
            }

            return DerivativeSymbol.TryParse(symbol, out var order) ? Of(order) : null;
        }

        /// <summary>u differentiated along the letters of <paramref name="order"/>.</summary>
        public Tensor Of(string order)
        {
            order = DerivativeSymbol.Canonical(order);
            if (_cache.TryGetValue(order, out var cached))
                return cached;
            Tensor value;
            if (order.Length == 0)
            {
                value = _model.U(_x);
            }
            else
            {
                var lower = Of(order[..^1]);
                var grads = torch.autograd.grad([lower.sum()], [_x], null, retain_graph: true, create_graph: true, allow_unused: true);
                var g = grads[0];
                value = g is null || g.IsInvalid ? zeros_like(lower) : g[.., _model.Column(order[^1])];
            }

            _cache[order] = value;
            return value;
        }
    }
}
