namespace McpFlow.Core.Configuration;

/// <summary>TorchSharp settings.</summary>
public sealed class PhysicsOptions
{
    /// <summary>Intra-op CPU threads for libtorch. Default: 0, meaning the number of cores.</summary>
    public int Threads { get; set; }

    /// <summary>Device: <c>auto</c> (CUDA when present, else CPU), <c>cpu</c> or <c>cuda</c>. Default: auto.</summary>
    public string Device { get; set; } = "auto";
}
