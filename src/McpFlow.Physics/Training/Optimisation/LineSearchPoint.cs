using static TorchSharp.torch;

namespace McpFlow.Physics.Training.Optimisation;

/// <summary>One evaluation along the search direction: step t, loss f, flat gradient g, directional derivative g·d,
/// and what the caller measured there.</summary>
internal sealed record LineSearchPoint<T>(double Step, double Loss, Tensor Gradient, double Slope, T Measurement);
