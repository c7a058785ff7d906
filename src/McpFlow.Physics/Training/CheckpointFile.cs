namespace McpFlow.Physics.Training;

/// <summary>A file of a checkpoint (its name in the run folder) and its SHA-256 (lower-case hex).</summary>
/// <param name="Name">File name, e.g. "checkpoint-0000399.pt".</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
public sealed record CheckpointFile(string Name, string Sha256);
