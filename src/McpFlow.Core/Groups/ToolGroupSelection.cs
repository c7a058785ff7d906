namespace McpFlow.Core.Groups;

/// <summary>The groups this server knows and the ones it enabled.</summary>
/// <param name="Known">Every group compiled into the server.</param>
/// <param name="Enabled">The enabled groups' names.</param>
public sealed record ToolGroupSelection(IReadOnlyList<IToolGroup> Known, IReadOnlyList<string> Enabled);
