using TorchSharp.Modules;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>A fully connected network mapping normalised inputs in [-1, 1] to one output, with a smooth activation
/// (tanh by default) so the second derivatives the residual needs exist. Xavier-normal weights, zero biases.</summary>
public sealed class PinnNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> _layers = new();
    private readonly string _activation;
    private readonly Tensor _center;
    private readonly Tensor _halfWidth;

    /// <summary>Creates the network for inputs with the given ranges.</summary>
    public PinnNetwork(IReadOnlyList<(double Min, double Max)> ranges, int depth, int width, string activation, ScalarType dtype, Device device)
        : base("pinn")
    {
        _activation = activation;
        var inputs = ranges.Count;
        var sizes = new List<int> { inputs };
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
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
