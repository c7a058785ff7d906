using McpFlow.Physics.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training.Optimisation;

/// <summary>
/// L-BFGS with a strong-Wolfe line search (TorchSharp 0.107's native L-BFGS has none). The algorithm is Nocedal and
/// Wright's (two-loop recursion, algorithm 7.4, initial Hessian scaled by sᵀy/yᵀy, a pair kept only when sᵀy > 1e-10),
/// with the settings of PyTorch's L-BFGS with line_search_fn="strong_wolfe": first trial step min(1, 1/‖g‖₁), then 1, and
/// the same stopping tests (gradient, step and loss change below tolerance). One <see cref="Step"/> is one iteration; the loss and gradient
/// the line search measured at the accepted point are kept, so the next iteration does not evaluate them again, and the
/// measurement returned always belongs to the parameters left in the network.
/// </summary>
/// <typeparam name="T">What the caller measures at each evaluation (the trainer's step record).</typeparam>
public sealed class StrongWolfeLbfgs<T> : IDisposable
{
    /// <summary>Converged when max|g| is at most this (PyTorch's default is 1e-7; smaller keeps going while float32 progress is still possible).</summary>
    private const double GradientTolerance = 1e-12;

    /// <summary>Converged when the step or the loss change is below this (as McpFlow used with the native optimiser).</summary>
    private const double ChangeTolerance = 1e-15;

    private const double CurvatureFloor = 1e-10; // sᵀy below this: the pair would not keep the Hessian estimate positive definite

    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly Func<T> _evaluate;
    private readonly Func<T, double> _loss;
    private readonly int _history;
    private readonly List<(Tensor S, Tensor Y, double Rho)> _pairs = [];
    private Tensor? _gradient;
    private Tensor? _previousGradient;
    private Tensor? _direction;
    private double _step;
    private double _lossValue;
    private T? _current;
    private int _iteration;
    private double _hessianScale = 1;

    /// <summary>Optimises <paramref name="parameters"/>; <paramref name="evaluate"/> computes the loss at the parameters in
    /// the network, writes its gradient into their .grad and returns the caller's measurement, whose loss <paramref name="loss"/> reads.</summary>
    public StrongWolfeLbfgs(IReadOnlyList<Tensor> parameters, Func<T> evaluate, Func<T, double> loss, int history)
    {
        _parameters = parameters;
        _evaluate = evaluate;
        _loss = loss;
        _history = history;
    }

    /// <summary>One iteration: direction, line search, update of the parameters.</summary>
    public LbfgsIteration<T> Step()
    {
        using var scope = NewDisposeScope();
        var evaluations = 0;
        if (_gradient is null)
        {
            _current = _evaluate();
            _lossValue = _loss(_current);
            _gradient = FlatGradient().DetachFromDisposeScope();
            evaluations++;
        }

        if (!double.IsFinite(_lossValue))
            return new(_current!, evaluations, "the loss is not finite");
        if (MaxAbs(_gradient) <= GradientTolerance)
            return new(_current!, evaluations, $"the gradient is below {GradientTolerance:G1}");

        var direction = Direction();
        var slope = Dot(_gradient, direction);
        if (slope > -ChangeTolerance)
        {
            direction.Dispose();
            return new(_current!, evaluations, "no descent direction is left");
        }

        var first = _iteration == 0 ? Math.Min(1, 1 / _gradient.abs().sum().ToDouble()) : 1;
        _iteration++;
        var x = FlatParameters();
        LineSearchPoint<T> Evaluate(double t)
        {
            SetParameters(x, direction, t);
            var measurement = _evaluate();
            var g = FlatGradient();
            return new LineSearchPoint<T>(t, _loss(measurement), g, Dot(g, direction), measurement);
        }

        var start = new LineSearchPoint<T>(0, _lossValue, _gradient, slope, _current!);
        var (accepted, used) = StrongWolfeLineSearch.Search(Evaluate, start, first, MaxAbs(direction), ChangeTolerance);
        evaluations += used;
        SetParameters(x, direction, accepted.Step);

        var previousLoss = _lossValue;
        _previousGradient?.Dispose();
        _previousGradient = _gradient;
        _gradient = ReferenceEquals(accepted.Gradient, _previousGradient) ? _previousGradient.clone().DetachFromDisposeScope() : accepted.Gradient.DetachFromDisposeScope();
        _direction?.Dispose();
        _direction = direction.DetachFromDisposeScope();
        _step = accepted.Step;
        _lossValue = accepted.Loss;
        _current = accepted.Measurement;

        string? converged = null;
        if (MaxAbs(_gradient) <= GradientTolerance)
            converged = $"the gradient is below {GradientTolerance:G1}";
        else if (accepted.Step * MaxAbs(direction) <= ChangeTolerance)
            converged = "the line search found no lower loss along the direction";
        else if (Math.Abs(_lossValue - previousLoss) < ChangeTolerance)
            converged = "the loss no longer changes";
        return new(_current, evaluations, converged);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gradient?.Dispose();
        _previousGradient?.Dispose();
        _direction?.Dispose();
        foreach (var (s, y, _) in _pairs)
        {
            s.Dispose();
            y.Dispose();
        }

        _pairs.Clear();
    }

    // d = -H·g by the two-loop recursion over the stored (s, y) pairs, after adding the last iteration's pair.
    private Tensor Direction()
    {
        if (_iteration > 0)
        {
            var y = _gradient! - _previousGradient!;
            var s = TorchScalars.Mul(_direction!, _step);
            var ys = Dot(y, s);
            if (ys > CurvatureFloor)
            {
                if (_pairs.Count == _history)
                {
                    _pairs[0].S.Dispose();
                    _pairs[0].Y.Dispose();
                    _pairs.RemoveAt(0);
                }

                _pairs.Add((s.DetachFromDisposeScope(), y.DetachFromDisposeScope(), 1 / ys));
                _hessianScale = ys / Dot(y, y);
            }
        }

        var q = _gradient!.neg();
        var alpha = new double[_pairs.Count];
        for (var i = _pairs.Count - 1; i >= 0; i--)
        {
            alpha[i] = Dot(_pairs[i].S, q) * _pairs[i].Rho;
            q.sub_(TorchScalars.Mul(_pairs[i].Y, alpha[i]));
        }

        var r = TorchScalars.Mul(q, _hessianScale);
        for (var i = 0; i < _pairs.Count; i++)
        {
            var beta = Dot(_pairs[i].Y, r) * _pairs[i].Rho;
            r.add_(TorchScalars.Mul(_pairs[i].S, alpha[i] - beta));
        }

        return r;
    }

    private Tensor FlatParameters() => Flatten(_parameters.Select(p => p.detach().reshape(-1)).ToList());

    private Tensor FlatGradient() => Flatten(_parameters.Select(p => p.grad is { } g && !g.IsInvalid ? g.reshape(-1) : zeros(p.numel(), dtype: p.dtype, device: p.device)).ToList());

    // A copy that shares no storage with the parameters or their gradients (TorchSharp's cat returns a single tensor as is).
    private static Tensor Flatten(List<Tensor> pieces) => pieces.Count == 1 ? pieces[0].clone() : cat(pieces);

    // parameters = x + t·d.
    private void SetParameters(Tensor x, Tensor d, double t)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            var target = t == 0 ? x : x + TorchScalars.Mul(d, t);
            long offset = 0;
            foreach (var p in _parameters)
            {
                var n = p.numel();
                p.copy_(target.narrow(0, offset, n).view_as(p));
                offset += n;
            }
        }
    }

    private static double Dot(Tensor a, Tensor b) => a.dot(b).ToDouble();

    private static double MaxAbs(Tensor t) => t.abs().max().ToDouble();
}
