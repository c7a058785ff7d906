using TorchSharp;

namespace McpFlow.Physics.Engine;

/// <summary>Whether libtorch loaded, and how it runs.</summary>
/// <param name="Available">True when a tensor was created and back-propagated.</param>
/// <param name="Version">TorchSharp and libtorch versions.</param>
/// <param name="DeviceType">CPU or CUDA.</param>
/// <param name="Threads">Intra-op threads.</param>
/// <param name="Detail">Why it is not available.</param>
public sealed record TorchStatus(bool Available, string? Version, DeviceType DeviceType, int Threads, string? Detail);
