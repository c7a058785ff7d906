namespace McpFlow.Core.Mcp;

/// <summary>A tool's behaviour as its annotations tell a client, defaults applied (<see cref="ToolHints.Effective"/>).</summary>
/// <param name="ReadOnly">The tool does not change its environment.</param>
/// <param name="Destructive">The tool may delete or overwrite what exists.</param>
/// <param name="Idempotent">Calling it again with the same arguments has no further effect.</param>
/// <param name="OpenWorld">The tool reaches beyond the server's own workspace (e.g. a remote MLflow server).</param>
public sealed record ToolBehaviour(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld);
