using McpFlow.Physics.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>
/// Causal weighting of the residual term (Wang, Sankaran and Perdikaris 2022, "Respecting causality is all you need for
/// training physics-informed neural networks"): the time axis is cut into M equal chunks, L_i is the mean squared
/// residual of the collocation points in chunk i, and the residual term is (1/M)·Σ_i w_i·L_i with
/// w_i = exp(-ε·Σ_{k&lt;i} L_k), the weights computed without gradient. A chunk counts only once the chunks before it are
/// solved, so the network cannot fit late times to a wrong early state. Stateless: the weights follow from the current
/// losses at every step, so a resumed training needs nothing saved. A chunk without points has L_i = 0.
/// </summary>
/// <param name="chunks">M, the number of time chunks (the paper uses 32 to 128).</param>
/// <param name="epsilon">ε, the causality strength: the weight of chunk i is below 1/e until the chunks before it sum to
/// less than 1/ε.</param>
/// <param name="start">The start of the time axis, t₀.</param>
/// <param name="length">The length of the time axis, T - t₀.</param>
public sealed class CausalWeights(int chunks, double epsilon, double start, double length)
{
    /// <summary>The smallest weight of the last <see cref="Loss"/>, 1 before any: near 1 once training has reached the
    /// end of the time axis, near 0 while late chunks are still waiting for the early ones.</summary>
    public double MinimumWeight { get; private set; } = 1;

    /// <summary>(1/M)·Σ_i w_i·L_i for the squared residuals <paramref name="squared"/> at times <paramref name="time"/>
    /// (vectors of the same length); the gradient flows through the L_i only.</summary>
    public Tensor Loss(Tensor squared, Tensor time)
    {
        using var scope = NewDisposeScope();
        using Scalar one = 1; // held for the native calls (TorchScalars explains why)
        var index = TorchScalars.Mul(TorchScalars.Sub(time.detach(), start), chunks / length).floor().clamp(0, chunks - 1).to_type(ScalarType.Int64);
        var sums = zeros(chunks, dtype: squared.dtype, device: squared.device).index_add(0, index, squared, one);
        var counts = zeros(chunks, dtype: squared.dtype, device: squared.device).index_add(0, index, ones_like(squared), one).clamp_min(1);
        var perChunk = sums / counts;
        Tensor weights;
        using (no_grad())
        {
            var losses = perChunk.detach();
            weights = TorchScalars.Mul(losses.cumsum(0) - losses, -epsilon).exp();
        }

        MinimumWeight = weights.min().ToDouble();
        return (weights * perChunk).mean().MoveToOuterDisposeScope();
    }
}
