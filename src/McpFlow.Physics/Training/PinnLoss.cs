using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>
/// The collocation point sets and the loss terms: mean squared residual inside, boundary terms (Dirichlet,
/// Neumann with the outward normal, periodic value and slope) unless hard, and initial terms (u and, for second
/// order in time, u_t). Points are uniform random; <see cref="Resample"/> replaces the interior set by residual-based
/// adaptive sampling (RAD, Wu et al. 2023: density ∝ |R|/mean|R| + 1). With a memory (<see cref="Remember"/>, the
/// <c>lbfgs_memory</c> setting) the interior points cover only the times not yet fitted, and a further term holds the
/// network to its own earlier values on the times fitted before.
/// </summary>
public sealed class PinnLoss : IDisposable
{
    private const int ResampleCandidatesFactor = 4;
    private readonly PinnModel _model;
    private readonly Generator _generator;
    private readonly List<(BoundaryCondition Condition, Tensor Points)> _faces = [];
    private readonly List<(char Axis, Tensor Low, Tensor High)> _periodic = [];
    private Tensor _interior;
    private Tensor? _initial;
    private readonly CausalWeights? _causal;
    private double _horizon;
    private double _floor;
    private Tensor? _memory;
    private Tensor? _remembered;

    /// <summary>Draws the point sets.</summary>
    public PinnLoss(PinnModel model)
    {
        _model = model;
        var o = model.Options;
        _generator = new Generator((ulong)o.Seed, model.Device);
        _horizon = model.Problem.Time is null ? 1 : TimeMarching.Horizon(0, o);
        _interior = Uniform(o.InteriorPoints, null, 0, _horizon).requires_grad_(true);
        foreach (var bc in model.Problem.Boundaries.Where(b => b.Kind != BoundaryKind.Periodic))
        {
            if (model.Hard && bc.Kind == BoundaryKind.Dirichlet)
                continue;
            var axis = model.Problem.Space.First(a => a.Name == bc.Face.Axis);
            _faces.Add((bc, Uniform(o.BoundaryPoints, bc.Face.Axis, bc.Face.IsMax ? axis.Max : axis.Min).requires_grad_(bc.Kind == BoundaryKind.Neumann)));
        }

        // With Fourier features the network is exactly periodic along a periodic axis (PinnNetwork): the value and slope
        // terms would measure only a hard initial condition's own mismatch (x²cos(πx) has slopes ∓2 at x = ±1), a constant
        // no parameter moves, so they are left out.
        foreach (var axis in model.Problem.Boundaries.Where(b => b.Kind == BoundaryKind.Periodic && o.FourierFeatures == 0).Select(b => b.Face.Axis).Distinct())
        {
            var a = model.Problem.Space.First(s => s.Name == axis);
            var low = Uniform(o.BoundaryPoints, axis, a.Min).requires_grad_(true);
            var high = low.detach().clone();
            using (var column = high[.., model.Column(axis)])
                TorchScalars.Fill(column, a.Max);
            _periodic.Add((axis, low, high.requires_grad_(true)));
        }

        if (model.Problem.Time is { } time && model.Problem.Initial is not null && !model.HardInitialConditions)
            _initial = Uniform(o.InitialPoints, 't', time.Min).requires_grad_(model.Problem.InitialVelocity is not null);
        if (model.Problem.Time is { } timeAxis && o.CausalChunks > 0)
            _causal = new CausalWeights(o.CausalChunks, o.CausalEpsilon, timeAxis.Min, timeAxis.Length);
    }

    /// <summary>The causal weighting of the residual (<see cref="TrainingOptions.CausalChunks"/>), null when off.</summary>
    public CausalWeights? Causal => _causal;

    /// <summary>Whether <see cref="Causal"/> weights the residual term; the trainer turns it off for L-BFGS, whose line
    /// search needs one fixed objective. Default true.</summary>
    public bool CausalActive { get; set; } = true;

    /// <summary>Names of the loss components in use.</summary>
    public IReadOnlyList<string> Components
    {
        get
        {
            var names = new List<string> { "residual" };
            if (_faces.Count + _periodic.Count > 0)
                names.Add("boundary");
            if (_initial is not null)
                names.Add("initial");
            if (BackwardCompatible.Applies(_model.Problem, _model.Options))
                names.Add(BackwardCompatible.Component);
            return names;
        }
    }

    /// <summary>The loss components at the current parameters.</summary>
    public Dictionary<string, Tensor> Compute()
    {
        var squared = _model.Residual(_interior).square();
        var residual = _causal is not null && CausalActive ? _causal.Loss(squared, _interior[.., _model.Column('t')]) : squared.mean();
        var terms = new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["residual"] = residual };
        Tensor? boundary = null;
        foreach (var (bc, points) in _faces)
        {
            var g = _model.Evaluate(bc.Value!, points);
            Tensor term;
            if (bc.Kind == BoundaryKind.Dirichlet)
            {
                term = (_model.U(points) - g).square().mean();
            }
            else
            {
                var normal = _model.Differentiate(points).Of(bc.Face.Axis.ToString());
                term = ((bc.Face.IsMax ? normal : -normal) - g).square().mean();
            }

            boundary = boundary is null ? term : boundary + term;
        }

        foreach (var (axis, low, high) in _periodic)
        {
            var dl = _model.Differentiate(low);
            var dh = _model.Differentiate(high);
            var term = (dl.Of("") - dh.Of("")).square().mean() + (dl.Of(axis.ToString()) - dh.Of(axis.ToString())).square().mean();
            boundary = boundary is null ? term : boundary + term;
        }

        if (boundary is not null)
            terms["boundary"] = boundary;
        if (_initial is not null)
        {
            var d = _model.Differentiate(_initial);
            var term = (d.Of("") - _model.Evaluate(_model.Problem.Initial!, _initial)).square().mean();
            if (_model.Problem.InitialVelocity is not null)
                term = term + (d.Of("t") - _model.Evaluate(_model.Problem.InitialVelocity, _initial)).square().mean();
            terms["initial"] = term;
        }

        if (_memory is not null && _remembered is not null)
            terms[BackwardCompatible.Component] = TorchScalars.Mul((_model.U(_memory) - _remembered).square().mean(), _model.Options.LbfgsMemory);
        return terms;
    }

    /// <summary>The interior collocation points (one row per point, columns in the problem's input order).</summary>
    internal Tensor Interior => _interior;

    /// <summary>The fraction of the time interval the interior points cover (<see cref="TimeMarching"/>): 1 without a
    /// time axis or time-marching.</summary>
    public double TimeHorizon => _horizon;

    /// <summary>The fraction of the time interval below which no interior point lies: 0 unless <see cref="Remember"/>
    /// moved it up.</summary>
    public double TimeFloor => _floor;

    /// <summary>The points of the memory term (null before <see cref="Remember"/>).</summary>
    internal Tensor? Memory => _memory;

    /// <summary>Backward-compatible marching (bc-PINN, Mattey and Ghosh 2022; <see cref="TrainingOptions.LbfgsMemory"/>):
    /// remembers the network's values on as many uniform points as the interior set over the first <paramref name="floor"/>
    /// of the time interval (the times fitted so far), which the memory term then holds it to, and from now on draws the
    /// interior points above that floor only. Call it before <see cref="MoveWindow"/> extends the window.</summary>
    public void Remember(double floor)
    {
        if (_model.Problem.Time is null)
            return;
        using var scope = NewDisposeScope();
        var points = Uniform(_interior.shape[0], null, 0, floor);
        Tensor values;
        using (no_grad())
            values = _model.U(points).detach().clone();
        _memory?.Dispose();
        _remembered?.Dispose();
        (_memory, _remembered, _floor) = (points.MoveToOuterDisposeScope(), values.MoveToOuterDisposeScope(), floor);
    }

    /// <summary>Moves the interior points into the first <paramref name="horizon"/> of the time interval: redrawn there by
    /// residual-based sampling when <paramref name="adaptive"/>, else uniformly. Nothing changes when the horizon is the
    /// current one or the problem has no time axis.</summary>
    public void MoveWindow(double horizon, bool adaptive, CancellationToken cancellationToken = default)
    {
        if (_model.Problem.Time is null || horizon == _horizon)
            return;
        _horizon = horizon;
        if (adaptive)
        {
            Resample(cancellationToken);
            return;
        }

        var drawn = Uniform(_interior.shape[0], null, 0, _horizon, _floor).requires_grad_(true);
        _interior.Dispose();
        _interior = drawn;
    }

    /// <summary>Says which horizon the interior points were drawn in, without moving them: a resumed training's points,
    /// restored by <see cref="LoadInterior"/>, were drawn in the horizon of the step their checkpoint was taken after.</summary>
    public void RestoreWindow(double horizon)
    {
        if (_model.Problem.Time is not null)
            _horizon = horizon;
    }

    /// <summary>Residual-based adaptive resampling of the interior points. The residual of the 4n candidates is evaluated
    /// in chunks of n points, each chunk's autograd graph freed before the next, so resampling never needs more memory
    /// than a training step (evaluating all candidates at once peaked at 2.8× a step, issue 18).</summary>
    public void Resample(CancellationToken cancellationToken = default)
    {
        var n = _interior.shape[0];
        using var scope = NewDisposeScope();
        var candidates = Uniform(n * ResampleCandidatesFactor, null, 0, _horizon, _floor);
        var residuals = new List<Tensor>(ResampleCandidatesFactor);
        for (long start = 0; start < candidates.shape[0]; start += n)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var chunkScope = NewDisposeScope();
            var chunk = candidates.narrow(0, start, Math.Min(n, candidates.shape[0] - start)).detach().clone().requires_grad_(true);
            residuals.Add(_model.Residual(chunk).detach().abs().MoveToOuterDisposeScope());
        }

        var r = cat(residuals);
        var density = TorchScalars.Add(r / TorchScalars.Add(r.mean(), 1e-12), 1.0);
        var index = multinomial(density, n, replacement: false, generator: _generator);
        var chosen = candidates.index_select(0, index).clone().requires_grad_(true);
        _interior.Dispose();
        _interior = chosen.MoveToOuterDisposeScope();
    }

    /// <summary>Saves the interior points and the sampling generator's state (a checkpoint's <c>.points</c> file): rows,
    /// columns, the points as float64, then the generator state's bytes, little-endian; with a memory
    /// (<see cref="Remember"/>) then the floor, the memory's rows and its points and values as float64.</summary>
    public void SaveInterior(string path)
    {
        using var scope = NewDisposeScope();
        var points = _interior.detach().cpu().to_type(ScalarType.Float64).contiguous();
        var state = _generator.get_state().cpu().contiguous();
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(points.shape[0]);
        writer.Write(points.shape[1]);
        foreach (var v in points.data<double>())
            writer.Write(v);
        var bytes = state.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
        if (_memory is null || _remembered is null)
            return;
        writer.Write(_floor);
        writer.Write(_memory.shape[0]);
        foreach (var v in cat([_memory, _remembered.reshape(-1, 1)], 1).detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>())
            writer.Write(v);
    }

    /// <summary>Puts back the interior points and generator state of <see cref="SaveInterior"/>; refuses a file whose
    /// shape is not this problem's (<see cref="InvalidDataException"/>).</summary>
    public void LoadInterior(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var rows = reader.ReadInt64();
        var columns = reader.ReadInt64();
        if (rows != _interior.shape[0] || columns != _interior.shape[1])
            throw new InvalidDataException($"The checkpoint's points are {rows}×{columns}, the training's {_interior.shape[0]}×{_interior.shape[1]}.");
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
            values[i] = reader.ReadDouble();
        var state = reader.ReadBytes(reader.ReadInt32());
        using (var scope = NewDisposeScope())
        {
            var restored = tensor(values, [rows, columns], ScalarType.Float64).to(_model.Dtype, _model.Device).requires_grad_(true);
            _interior.Dispose();
            _interior = restored.MoveToOuterDisposeScope();
        }

        using var saved = tensor(state, ScalarType.Byte);
        _generator.set_state(saved);
        if (reader.BaseStream.Position < reader.BaseStream.Length)
            LoadMemory(reader, columns);
    }

    // The memory part of a .points file (SaveInterior): the floor, the rows, then per row the point and its value.
    private void LoadMemory(BinaryReader reader, long columns)
    {
        var floor = reader.ReadDouble();
        var rows = reader.ReadInt64();
        var values = new double[rows * (columns + 1)];
        for (var i = 0; i < values.Length; i++)
            values[i] = reader.ReadDouble();
        using var scope = NewDisposeScope();
        var table = tensor(values, [rows, columns + 1], ScalarType.Float64).to(_model.Dtype, _model.Device);
        _memory?.Dispose();
        _remembered?.Dispose();
        _memory = table.narrow(1, 0, columns).contiguous().MoveToOuterDisposeScope();
        _remembered = table.select(1, columns).contiguous().MoveToOuterDisposeScope();
        _floor = floor;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _interior.Dispose();
        _initial?.Dispose();
        _memory?.Dispose();
        _remembered?.Dispose();
        foreach (var (_, p) in _faces)
            p.Dispose();
        foreach (var (_, low, high) in _periodic)
        {
            low.Dispose();
            high.Dispose();
        }

        _generator.Dispose();
    }

    // Uniform points on the domain, one axis held at fixedValue; the time axis cut to [floor, horizon] of it.
    private Tensor Uniform(long count, char? fixedAxis, double fixedValue, double horizon = 1, double floor = 0)
    {
        var inputs = _model.Problem.Inputs;
        var columns = inputs.Select(a => a.Name == fixedAxis
            ? TorchScalars.Full(count, fixedValue, _model.Dtype, _model.Device)
            : TorchScalars.Add(TorchScalars.Mul(rand(count, dtype: _model.Dtype, device: _model.Device, generator: _generator),
                a == _model.Problem.Time ? a.Length * (horizon - floor) : a.Length), a == _model.Problem.Time ? a.Min + a.Length * floor : a.Min)).ToArray();
        return stack(columns, 1);
    }
}
