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
        torch.manual_seed(options.Seed);
        Network = new PinnNetwork(_inputs.Select(a => (a.Min, a.Max)).ToList(), options.Depth, options.Width, options.Activation, Dtype, device);
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

    /// <summary>Index of an input axis in X's columns.</summary>
    public int Column(char axis) => _inputs.ToList().FindIndex(a => a.Name == axis);

    /// <summary>u at points X (N × inputs).</summary>
    public Tensor U(Tensor x)
    {
        var n = Network.forward(x);
        if (!Hard)
            return n;
        Tensor distance = ones(x.shape[0], dtype: Dtype, device: Device);
        foreach (var axis in Problem.Space)
        {
            var c = x[.., Column(axis.Name)];
            // Constants held as Scalars for the whole native call (an implicit double→Scalar temporary can be
            // finalized mid-call by a GC; see TensorBuilder).
            using Scalar min = axis.Min, max = axis.Max, scale = axis.Length * axis.Length / 4;
            distance = distance * ((c - min) * (max - c) / scale);
        }

        var g = Evaluate(Problem.Boundaries[0].Value!, x);
        return g + distance * n;
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
