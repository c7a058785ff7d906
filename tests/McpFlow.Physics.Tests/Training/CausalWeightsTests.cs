using McpFlow.Physics.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace McpFlow.Physics.Tests.Training;

public sealed class CausalWeightsTests
{
    [Fact]
    public void Loss_WeighsEachChunkByTheLossesBeforeIt_WithoutGradientThroughTheWeights()
    {
        // Two chunks on t ∈ [0, 1], ε = 1. Chunk 0 (t < 0.5) holds r² = 1 and 3: L₀ = 2; chunk 1 holds 2 and 4: L₁ = 3.
        // w₀ = 1, w₁ = exp(-L₀) = e⁻²; loss = (w₀L₀ + w₁L₁)/2 = (2 + 3e⁻²)/2. Weights carry no gradient, so
        // ∂loss/∂r²_j = w_i/(M·n_i) with n_i = 2 points per chunk: 1/4 in chunk 0, e⁻²/4 in chunk 1.
        var causal = new CausalWeights(2, 1, 0, 1);
        using var squared = tensor(new[] { 1.0, 3.0, 2.0, 4.0 }, dtype: ScalarType.Float64).requires_grad_(true);
        using var time = tensor(new[] { 0.1, 0.3, 0.6, 0.9 }, dtype: ScalarType.Float64);

        using var loss = causal.Loss(squared, time);
        loss.backward();

        var e2 = Math.Exp(-2);
        loss.ToDouble().Should().BeApproximately((2 + 3 * e2) / 2, 1e-12);
        causal.MinimumWeight.Should().BeApproximately(e2, 1e-12);
        squared.grad!.data<double>().ToArray().Should().Equal(new[] { 0.25, 0.25, e2 / 4, e2 / 4 }, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Loss_PutsTheEndOfTheAxisInTheLastChunk_AndCountsAnEmptyChunkAsZero()
    {
        // Three chunks on t ∈ [2, 5] (width 1), ε = 0.5: t = 2 → chunk 0 (r² = 4), t = 5 (the end) → chunk 2 (r² = 6),
        // chunk 1 is empty (L₁ = 0). w = (1, e^{-0.5·4}, e^{-0.5·4}); loss = (4 + 0 + 6e⁻²)/3; smallest weight e⁻².
        var causal = new CausalWeights(3, 0.5, 2, 3);
        using var squared = tensor(new[] { 4.0, 6.0 }, dtype: ScalarType.Float64);
        using var time = tensor(new[] { 2.0, 5.0 }, dtype: ScalarType.Float64);

        using var loss = causal.Loss(squared, time);

        loss.ToDouble().Should().BeApproximately((4 + 6 * Math.Exp(-2)) / 3, 1e-12);
        causal.MinimumWeight.Should().BeApproximately(Math.Exp(-2), 1e-12);
    }

    [Fact]
    public void MinimumWeight_IsOneBeforeAnyLoss() => new CausalWeights(8, 1, 0, 1).MinimumWeight.Should().Be(1);
}
