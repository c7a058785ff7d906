using TorchSharp.Modules;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>A fully connected network mapping normalised inputs in [-1, 1] to one output, with a smooth activation
/// (tanh by default) so the second derivatives the residual needs exist. Xavier-normal weights, zero biases. With
/// <c>harmonics</c> K &gt; 0 each normalised input x̂ is also encoded as sin(kπx̂), cos(kπx̂) for k = 1..K (a
/// deterministic Fourier feature embedding against spectral bias, Tancik et al. 2020; Wang, Wang and Perdikaris 2021);
/// a periodic input is given by its harmonics only, so the network is exactly periodic along it.</summary>
public sealed class PinnNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> _layers = new();
    private readonly string _activation;
    private readonly Tensor _center;
    private readonly Tensor _halfWidth;
    private readonly Tensor? _frequencies;
    private readonly long[] _raw;

    /// <summary>Creates the network for inputs with the given ranges.</summary>
    public PinnNetwork(IReadOnlyList<(double Min, double Max)> ranges, int depth, int width, string activation, ScalarType dtype, Device device)
        : this(ranges, depth, width, activation, dtype, device, 0, new HashSet<int>())
    {
    }

    /// <summary>Creates the network with <paramref name="harmonics"/> Fourier harmonics per input (0: none); inputs
    /// listed in <paramref name="periodic"/> enter through their harmonics only.</summary>
    public PinnNetwork(IReadOnlyList<(double Min, double Max)> ranges, int depth, int width, string activation, ScalarType dtype, Device device,
        int harmonics, IReadOnlySet<int> periodic)
        : base("pinn")
    {
        _activation = activation;
        var inputs = ranges.Count;
        _raw = [.. Enumerable.Range(0, inputs).Where(i => harmonics == 0 || !periodic.Contains(i)).Select(i => (long)i)];
        var features = _raw.Length + 2 * harmonics * inputs;
        if (harmonics > 0)
        {
            // inputs × (K·inputs) block matrix: column (i, k) holds kπ in row i.
            var w = new double[inputs * harmonics * inputs];
            for (var i = 0; i < inputs; i++)
                for (var k = 1; k <= harmonics; k++)
                    w[i * harmonics * inputs + i * harmonics + k - 1] = k * Math.PI;
            _frequencies = tensor(w, [inputs, harmonics * inputs], dtype: dtype, device: device);
        }

        var sizes = new List<int> { features };
        sizes.AddRange(Enumerable.Repeat(width, depth));
        sizes.Add(1);
        for (var i = 0; i + 1 < sizes.Count; i++)
        {
            var layer = nn.Linear(sizes[i], sizes[i + 1], dtype: dtype, device: device);
            nn.init.xavier_normal_(layer.weight);
            nn.init.zeros_(layer.bias);
            _layers.Add(layer);
        }

        _center = tensor(ranges.Select(r => (r.Min + r.Max) / 2).ToArray(), dtype: dtype, device: device);
        _halfWidth = tensor(ranges.Select(r => (r.Max - r.Min) / 2).ToArray(), dtype: dtype, device: device);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var h = (input - _center) / _halfWidth;
        if (_frequencies is not null)
        {
            var z = h.matmul(_frequencies);
            var parts = new List<Tensor> { z.sin(), z.cos() };
            if (_raw.Length > 0)
                parts.Insert(0, _raw.Length == input.shape[1] ? h : h.index_select(1, tensor(_raw, device: h.device)));
            h = cat(parts, 1);
        }

        for (var i = 0; i < _layers.Count - 1; i++)
        {
            h = _layers[i].forward(h);
            h = _activation switch
            {
                "sin" => h.sin(),
                "gelu" => nn.functional.gelu(h),
                _ => h.tanh(),
            };
        }

        return _layers[_layers.Count - 1].forward(h).squeeze(-1);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _center.Dispose();
            _halfWidth.Dispose();
            _frequencies?.Dispose();
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
