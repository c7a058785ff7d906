namespace McpFlow.Physics.Training;

/// <summary>What a training is expected to hold in memory at its peak (<see cref="TrainingMemory"/>).</summary>
/// <param name="TrainingBytes">Peak bytes the training adds: activations and autograd graphs of one step, network,
/// optimiser state.</param>
/// <param name="ActivationBytes">Of which activations and graphs (grow with points × width × depth).</param>
/// <param name="OptimiserBytes">Of which parameters, gradients and the Adam and L-BFGS state (grow with parameters).</param>
/// <param name="RuntimeBytes">What the process holds before training (the .NET runtime and libtorch), for information.</param>
/// <param name="Parameters">Trainable parameters of the network.</param>
public sealed record MemoryEstimate(long TrainingBytes, long ActivationBytes, long OptimiserBytes, long RuntimeBytes, long Parameters);
