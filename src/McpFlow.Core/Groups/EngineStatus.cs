namespace McpFlow.Core.Groups;

/// <summary>Whether an engine is usable here.</summary>
/// <param name="Engine">Engine name.</param>
/// <param name="Available">True when it loaded and answered.</param>
/// <param name="Version">Its version when available.</param>
/// <param name="Detail">Extra facts (device, threads) or why it does not load.</param>
public sealed record EngineStatus(string Engine, bool Available, string? Version, string? Detail);
